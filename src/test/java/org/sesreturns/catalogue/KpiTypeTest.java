package org.sesreturns.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiTypeTest {

  @Test
  void numbersArePlain() {
    assertThat(KpiType.COUNT.achieved("7").value()).isEqualTo("7");
    assertThat(KpiType.COUNT.achieved(" 12.5 ").value()).isEqualTo("12.5");
    assertThat(KpiType.COUNT.achieved("N/A").value()).isEqualTo("n/a");
    assertThat(KpiType.COUNT.achieved("7,676,000").error()).contains("is not a plain number");
    assertThat(KpiType.CURRENCY.achieved("£594m").valid()).isFalse();
    assertThat(KpiType.COUNT.achieved("").error()).contains("is required");
  }

  @Test
  void percentagesLieBetweenNoughtAndHundred() {
    assertThat(KpiType.PERCENTAGE.achieved("100.0").valid()).isTrue();
    assertThat(KpiType.PERCENTAGE.achieved("100.1").error()).contains("outside 0 to 100");
    assertThat(KpiType.PERCENTAGE.achieved("59.4%").valid()).isFalse();
  }

  @Test
  void wordsComeFromTheirLists() {
    assertThat(KpiType.YES_NO.achieved("Yes").value()).isEqualTo("yes");
    assertThat(KpiType.YES_NO.achieved("maybe").valid()).isFalse();
    assertThat(KpiType.TREND.achieved("Worse").value()).isEqualTo("worse");
    assertThat(KpiType.TREND.achieved("Increase").valid()).isFalse();
  }

  @Test
  void milestonesAreTextAndNarrativesTakeNothing() {
    assertThat(KpiType.MILESTONE.achieved("Start date Nov 2023").value()).isEqualTo("Start date Nov 2023");
    assertThat(KpiType.MILESTONE.achieved(null).value()).isEmpty();
    assertThat(KpiType.NARRATIVE.achieved("").valid()).isTrue();
    assertThat(KpiType.NARRATIVE.achieved("5").valid()).isFalse();
  }

  @Test
  void periodsPrintTheirMonths() {
    assertThat(Period.parse("2023-24 Q4").months(java.time.Month.APRIL)).isEqualTo("Jan-Mar 2024");
    assertThat(Period.parse("2024-25-Q2").months(java.time.Month.APRIL)).isEqualTo("Jul-Sep 2024");
    assertThat(Period.parse("2024-25 Q1").months(java.time.Month.NOVEMBER)).isEqualTo("Nov 2024-Jan 2025");
    assertThat(Period.parse("2024-25 Q1").key()).isEqualTo("2024-25-Q1");
  }
}
