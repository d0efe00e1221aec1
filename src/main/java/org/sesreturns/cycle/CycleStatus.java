package org.sesreturns.cycle;

import java.util.Arrays;

/** Where a quarterly cycle stands. */
public enum CycleStatus {
  COLLECTING("collecting"),
  REVIEWING("reviewing"),
  PRESENTING("presenting"),
  CLOSED("closed"),
  CANCELLED("cancelled");

  private final String word;

  CycleStatus(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static CycleStatus of(String word) {
    return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown cycle status " + word));
  }
}
