package org.sesreturns.catalogue;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting quarter of a financial year, written {@code 2024-25 Q1}. Its key, used in business
 * keys and URLs, is {@code 2024-25-Q1}. Periods sort in time order.
 */
public record Period(int startYear, int quarter) implements Comparable<Period> {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})-(\\d{2})[ -]Q([1-4])");

  public Period {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("a quarter is 1 to 4");
    }
  }

  /** Parses {@code 2024-25 Q1} or the key form {@code 2024-25-Q1}. */
  public static Period parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a period: write the financial year and quarter, as 2024-25 Q1");
    }
    int start = Integer.parseInt(m.group(1));
    if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a period: the financial year " + m.group(1) + "-" + m.group(2)
              + " does not span two consecutive years");
    }
    return new Period(start, Integer.parseInt(m.group(3)));
  }

  public String text() {
    return "%d-%02d Q%d".formatted(startYear, (startYear + 1) % 100, quarter);
  }

  public String key() {
    return "%d-%02d-Q%d".formatted(startYear, (startYear + 1) % 100, quarter);
  }

  public YearMonth firstMonth(Month financialYearStart) {
    return YearMonth.of(startYear, financialYearStart).plusMonths(3L * (quarter - 1));
  }

  /** The quarter's months as the printed pack gives them: {@code Jan-Mar 2024}. */
  public String months(Month financialYearStart) {
    YearMonth first = firstMonth(financialYearStart);
    YearMonth last = first.plusMonths(2);
    if (first.getYear() == last.getYear()) {
      return abbreviation(first) + "-" + abbreviation(last) + " " + last.getYear();
    }
    return abbreviation(first) + " " + first.getYear() + "-" + abbreviation(last) + " " + last.getYear();
  }

  /** Three letters, as the printed pack has them ("Sep", where British locale data says "Sept"). */
  private static String abbreviation(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).substring(0, 3);
  }

  @Override
  public int compareTo(Period other) {
    return startYear != other.startYear
        ? Integer.compare(startYear, other.startYear) : Integer.compare(quarter, other.quarter);
  }

  @Override
  public String toString() {
    return text();
  }
}
