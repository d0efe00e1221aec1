package org.sesreturns.mail;

import java.time.OffsetDateTime;
import java.util.List;

/** A message as recorded: to whom, what, when it was queued and when the mail server took it. */
public record StoredMessage(long id, String cycleKey, String objectiveId, String kind, String recipientId,
    String recipientAddress, String subject, String text, String html, OffsetDateTime queuedAt, OffsetDateTime sentAt,
    List<String> ccIds, List<String> ccAddresses) {}
