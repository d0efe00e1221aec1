package org.sesreturns.returns;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A return's current round with its project lead: issued, sent back or reopened. Its due date is
 * the cycle's, or later for a return sent back late; the reminder ladder counts from both.
 */
public record ReturnRound(LocalDate due, OffsetDateTime startedAt) {}
