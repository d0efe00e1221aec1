package org.sesreturns.mail;

/** What a message tells its recipient; each kind has a text and an HTML template under mail/. */
public enum MessageKind {
  RETURN_ISSUED("return-issued"),
  RETURN_SENT_BACK("return-sent-back"),
  RETURN_REOPENED("return-reopened"),
  AWAITING_SIGN_OFF("awaiting-sign-off"),
  RETURN_SIGNED_OFF("return-signed-off"),
  RETURN_CHASED("return-chased"),
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
