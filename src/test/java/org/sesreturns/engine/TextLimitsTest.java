package org.sesreturns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which characters a text a user wrote may hold, and what they are told when it holds another. */
class TextLimitsTest {

  private static final String COMMENTARY = "InvestSefton has been awarded £782,414 for Place Based Business Support.\n"
      + "\tWork has now started with MEH/Safe Regeneration in Bootle and Southport (café, naïve, Ōtsuki, 日本語, עברית).";

  @Test
  void ordinaryTextWithLineBreaksAndTabsPassesInAMultiLineField() {
    assertThat(TextLimits.unsafeCharacter(COMMENTARY, true)).isEmpty();
    assertThat(TextLimits.unsafeCharacter("line one\r\nline two", true)).isEmpty();
    assertThat(TextLimits.unsafeCharacter(null, false)).isEmpty();
  }

  @Test
  void aOneLineFieldHoldsNoTabOrLineBreak() {
    assertThat(TextLimits.unsafeCharacter("Jobs\tcreated", false))
        .hasValue("character 5 is U+0009 (character tabulation): a one-line field holds no tab or line break");
    assertThat(TextLimits.unsafeCharacter("Jobs\ncreated", false)).get().asString().contains("U+000A");
  }

  @Test
  void controlCharactersAreRefusedWhereverTheyAre() {
    assertThat(TextLimits.unsafeCharacter("awarded £782,414\u0000 for support", true))
        .hasValue("character 17 is U+0000 (null), a control character, which cannot be stored: remove it");
    assertThat(TextLimits.unsafeCharacter("escape \u001b[31m red", true)).get().asString().contains("U+001B");
    assertThat(TextLimits.unsafeCharacter("delete \u007f", true)).get().asString().contains("U+007F");
    assertThat(TextLimits.unsafeCharacter("C1 \u0085 next line", true)).get().asString().contains("U+0085");
  }

  @Test
  void bidirectionalOverridesAndIsolatesAreRefused() {
    assertThat(TextLimits.unsafeCharacter("Jobs created: \u202E0001", false)).hasValue(
        "character 15 is U+202E (right-to-left override), which cannot be stored: it would make the pack show the"
            + " text in another order than it was typed; remove it");
    for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'}) {
      assertThat(TextLimits.unsafeCharacter("x" + c, true)).as(Integer.toHexString(c)).isPresent();
    }
    // marks that only nudge neutral characters (and Hebrew or Arabic text itself) stay
    assertThat(TextLimits.unsafeCharacter("עברית \u200F ok", true)).isEmpty();
  }
}
