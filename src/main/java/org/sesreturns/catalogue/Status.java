package org.sesreturns.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A Red/Amber/Green status; {@code NONE} where a KPI has no status, never for an objective. */
public enum Status {
  GREEN, AMBER, RED, NONE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return this == NONE ? "" : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  public static Optional<Status> of(String word) {
    return Arrays.stream(values()).filter(s -> s.word().equals(word)).findFirst();
  }

  public static Optional<Status> overall(String word) {
    return of(word).filter(s -> s != NONE);
  }
}
