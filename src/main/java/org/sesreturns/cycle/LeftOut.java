package org.sesreturns.cycle;

import java.time.OffsetDateTime;

/** The coordinators' decision to compile the pack without the returns still outstanding: who, when and why. */
public record LeftOut(String by, OffsetDateTime at, String reason) {}
