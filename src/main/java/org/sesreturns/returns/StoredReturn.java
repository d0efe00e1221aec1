package org.sesreturns.returns;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.sesreturns.catalogue.Status;

/**
 * A return as stored: its status, the people it belongs to (the application's record, fixed at
 * issue and changed only by a coordinator's reassignment) and its latest submission, if any.
 */
public record StoredReturn(long id, ReturnKey key, ReturnStatus status, String projectLead, String sesLead,
    Optional<Version> latest) {

  /** One submission of the return and the SES lead's decision on it. */
  public record Version(
      long id,
      int version,
      Status previousStatus,
      Submission submission,
      String submittedBy,
      OffsetDateTime submittedAt,
      String decision,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionComment) {}
}
