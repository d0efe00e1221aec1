package org.sesreturns.engine;

/**
 * How long the texts users write may be, in one place for the server's checks; the forms'
 * {@code ng-maxlength} attributes (forms/*.html) mirror them.
 */
public final class TextLimits {

  /** A comment or a KPI's progress note: one screenful. */
  public static final int COMMENT = 4_000;
  /** A return's commentary or the board's decisions: several pages. */
  public static final int LONG_TEXT = 20_000;

  private TextLimits() {}
}
