package org.sesreturns.mail;

/** What a message tells its recipient; each kind has a text and an HTML template under mail/. */
public enum MessageKind {
  RETURN_ISSUED("return-issued"),
  RETURN_SENT_BACK("return-sent-back"),
  RETURN_REOPENED("return-reopened"),
  AWAITING_SIGN_OFF("awaiting-sign-off"),
  RETURN_SIGNED_OFF("return-signed-off"),
  RETURN_CHASED("return-chased"),
  RETURN_DUE_SOON("return-due-soon"),
  RETURN_DUE_TODAY("return-due-today"),
  RETURN_OVERDUE("return-overdue"),
  RETURN_ESCALATED("return-escalated"),
  SIGN_OFF_REMINDER("sign-off-reminder"),
  SIGN_OFF_ESCALATED("sign-off-escalated"),
  PACK_TO_REVIEW("pack-to-review"),
  PACK_APPROVED("pack-approved");

  private final String word;

  MessageKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
