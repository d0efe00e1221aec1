package org.sesreturns.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * How long the texts users write may be, and which characters they may hold, in one place for the
 * server's checks; the forms' {@code ng-maxlength} attributes (forms/*.html) mirror the lengths.
 */
public final class TextLimits {

  /** A comment or a KPI's progress note: one screenful. */
  public static final int COMMENT = 4_000;
  /** A return's commentary or the board's decisions: several pages. */
  public static final int LONG_TEXT = 20_000;

  private TextLimits() {}

  /**
   * Why a text cannot be stored as it is, naming the first character at fault, or empty when it can.
   * Control characters (a NUL, an escape) have no place in a printed pack and some databases refuse
   * them; the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069)
   * make the pack show characters in another order than they were typed ("Trojan Source"), so a
   * figure or a name could read as something else. Tab and line breaks are text in a multi-line
   * field (a commentary, a comment) and refused in a one-line one (a KPI's title or value).
   */
  public static Optional<String> unsafeCharacter(String text, boolean multiLine) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
      if (lineBreakOrTab && multiLine) {
        continue;
      }
      String at = "character " + (i + 1) + " is " + name(c);
      if (lineBreakOrTab) {
        return Optional.of(at + ": a one-line field holds no tab or line break");
      }
      if (Character.getType(c) == Character.CONTROL) {
        return Optional.of(at + ", a control character, which cannot be stored: remove it");
      }
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        return Optional.of(at + ", which cannot be stored: it would make the pack show the text in another order"
            + " than it was typed; remove it");
      }
    }
    return Optional.empty();
  }

  private static String name(char c) {
    String name = Character.getName(c);
    return String.format(Locale.ROOT, "U+%04X", (int) c) + (name == null ? "" : " (" + name.toLowerCase(Locale.ROOT) + ")");
  }
}
