package org.sesreturns.returns;

import java.util.Arrays;

/** Where a return stands in its cycle. */
public enum ReturnStatus {
  ISSUED("issued"),
  SUBMITTED("submitted"),
  RETURNED("returned"),
  SIGNED_OFF("signed-off"),
  REOPENED("reopened");

  private final String word;

  ReturnStatus(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static ReturnStatus of(String word) {
    return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown return status " + word));
  }
}
