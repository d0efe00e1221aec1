package org.sesreturns.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** One change to one objective's return, as the audit shows it. */
public record AuditEntry(String objective, String event, String actor, OffsetDateTime at, JsonNode before,
    JsonNode after) {}
