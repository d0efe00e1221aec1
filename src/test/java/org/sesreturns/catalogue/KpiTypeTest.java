package org.sesreturns.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The form's check as the lead types (the input pattern) and the server's rule agree, value by value. */
class KpiTypeTest {

  private static final List<String> VALUES = List.of("0", "7", "42", "99.5", "100", "100.0", "100.5", "101", "140",
      "007", "1000", " 12 ", "n/a", "N/A", "12%", "1,000", "-5", "3.", ".5", "ten", "",
      "123456789012", "1234567890123", "1234567890123456789012345678901234567890", "0000000000000007",
      "12.345", "12.3456", "100.000", "100.0000");

  @Test
  void theFormsPatternAcceptsExactlyWhatTheServerAccepts() {
    for (KpiType type : List.of(KpiType.COUNT, KpiType.PERCENTAGE, KpiType.CURRENCY)) {
      Pattern pattern = Pattern.compile(type.inputPattern());
      for (String value : VALUES) {
        assertThat(pattern.matcher(value).matches()).as(type + " '" + value + "'")
            .isEqualTo(!value.isBlank() && type.achieved(value).valid());
      }
    }
  }

  @Test
  void aPercentageOver100IsRefusedAsTyped() {
    Pattern percentage = Pattern.compile(KpiType.PERCENTAGE.inputPattern());
    assertThat(percentage.matcher("140").matches()).isFalse();
    assertThat(percentage.matcher("100").matches()).isTrue();
    assertThat(KpiType.PERCENTAGE.achieved("140").error()).isEqualTo("'140' is outside 0 to 100");
  }

  @Test
  void aFigureHasAtMostTwelveDigitsBeforeThePointAndThreeAfter() {
    assertThat(KpiType.CURRENCY.achieved("999999999999.999").valid()).isTrue();
    assertThat(KpiType.COUNT.achieved("1234567890123456789012345678901234567890").error())
        .isEqualTo("'12345678901234567890…' has 40 digits before the decimal point: a figure has at most 12");
    assertThat(KpiType.PERCENTAGE.achieved("33.33333").error())
        .isEqualTo("'33.33333' has 5 decimal places: a figure has at most 3");
    assertThat(KpiType.CURRENCY.targetProblem("10000000000000")).hasValue(
        "'10000000000000' has 14 digits before the decimal point: a figure has at most 12");
  }

  @Test
  void aFigureIsPrintedAsThePackPrintsItAndReadBackAsANumber() {
    assertThat(KpiType.COUNT.printed("1234567.5")).isEqualTo("1,234,567.5");
    assertThat(KpiType.CURRENCY.printed("1200.5")).isEqualTo("£1,200.50");
    assertThat(KpiType.CURRENCY.printed("250000")).isEqualTo("£250,000");
    assertThat(KpiType.PERCENTAGE.printed("72.5")).isEqualTo("72.5%");
    assertThat(KpiType.CURRENCY.printed("n/a")).isEqualTo("n/a");
    assertThat(KpiType.YES_NO.printed("yes")).isEqualTo("yes");
    for (KpiType type : List.of(KpiType.COUNT, KpiType.CURRENCY, KpiType.PERCENTAGE)) {
      assertThat(type.number(type.printed("72.5")).orElseThrow()).as(type.word()).isEqualByComparingTo("72.5");
    }
    assertThat(KpiType.CURRENCY.number("£1,200.50")).hasValue(new java.math.BigDecimal("1200.50"));
    assertThat(KpiType.CURRENCY.number("n/a")).isEmpty();
    assertThat(KpiType.PERCENTAGE.number("140%")).as("over 100 is no percentage").isEmpty();
    assertThat(KpiType.YES_NO.number("1")).as("text types read no number").isEmpty();
    assertThat(KpiType.COUNT.number(" ")).isEmpty();
  }
}
