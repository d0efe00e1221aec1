package org.sesreturns.audit;

/** What happened to a return. */
public enum ReturnEvent {
  ISSUED("issued"),
  SUBMITTED("submitted"),
  SENT_BACK("sent-back"),
  SIGNED_OFF("signed-off"),
  REOPENED("reopened"),
  REASSIGNED("reassigned"),
  MARKED_LATE("marked-late");

  private final String word;

  ReturnEvent(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
