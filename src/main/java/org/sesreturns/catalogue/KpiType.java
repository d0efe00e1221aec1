package org.sesreturns.catalogue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of KPI of the catalogue format, each with what it accepts as a target and as an
 * achieved value. One place for these rules: the catalogue loader, the server-side validation
 * of returns and the form's own checks (which mirror {@link #inputPattern()}) follow them.
 */
public enum KpiType {
  COUNT("count"),
  PERCENTAGE("percentage"),
  CURRENCY("currency"),
  YES_NO("yes-no"),
  MILESTONE("milestone"),
  TREND("trend"),
  NARRATIVE("narrative");

  /** What a KPI with no figure this quarter (or no target) reports. */
  public static final String NOT_APPLICABLE = "n/a";

  private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  /** A figure as stored, with its sign: what {@link #number} reads and {@link #printed} formats. */
  private static final Pattern SIGNED_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  /**
   * A figure has at most 12 digits before the point (under a million million: a council's largest
   * budget has 10) and 3 after: 15 digits in all, as many as the pack's charts and its spreadsheet
   * hold exactly (a double), so a figure prints as it was typed.
   */
  static final int MAX_WHOLE_DIGITS = 12;
  static final int MAX_DECIMALS = 3;
  private static final Set<String> YES_NO_WORDS = Set.of("yes", "no");
  private static final Set<String> TREND_WORDS = Set.of("better", "same", "worse", "new");
  private static final Set<String> TREND_TARGETS = Set.of("increase", "reduction");

  private final String word;

  KpiType(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<KpiType> of(String word) {
    return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
  }

  public boolean numeric() {
    return this == COUNT || this == PERCENTAGE || this == CURRENCY;
  }

  /**
   * Normalises an achieved value as a lead typed it, or explains why it does not fit this type.
   * Blank means "not given", which only milestones and narratives allow.
   */
  public Result achieved(String raw) {
    String value = raw == null ? "" : raw.strip();
    if (this == NARRATIVE) {
      return value.isEmpty() ? Result.ok("") : Result.error("a narrative KPI takes no achieved value");
    }
    if (this == MILESTONE) {
      return Result.ok(value);
    }
    if (value.isEmpty()) {
      return Result.error("is required: enter " + expected());
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals(NOT_APPLICABLE)) {
      return Result.ok(NOT_APPLICABLE);
    }
    if (numeric() && PLAIN_NUMBER.matcher(value).matches()) {
      Optional<String> tooLong = sizeProblem(value);
      if (tooLong.isPresent()) {
        return Result.error(tooLong.get());
      }
    }
    return switch (this) {
      case COUNT, CURRENCY -> PLAIN_NUMBER.matcher(value).matches()
          ? Result.ok(value) : Result.error("'" + value + "' is not " + expected());
      case PERCENTAGE -> {
        if (!PLAIN_NUMBER.matcher(value).matches()) {
          yield Result.error("'" + value + "' is not " + expected());
        }
        yield new BigDecimal(value).compareTo(BigDecimal.valueOf(100)) > 0
            ? Result.error("'" + value + "' is outside 0 to 100") : Result.ok(value);
      }
      case YES_NO -> YES_NO_WORDS.contains(lower)
          ? Result.ok(lower) : Result.error("'" + value + "' is not " + expected());
      case TREND -> TREND_WORDS.contains(lower)
          ? Result.ok(lower) : Result.error("'" + value + "' is not " + expected());
      default -> throw new IllegalStateException(word);
    };
  }

  /** Why a plain number is too long to be a figure, if it is ({@link #MAX_WHOLE_DIGITS}). */
  private static Optional<String> sizeProblem(String number) {
    int point = number.indexOf('.');
    String whole = (point < 0 ? number : number.substring(0, point)).replaceFirst("^0+(?=\\d)", "");
    int decimals = point < 0 ? 0 : number.length() - point - 1;
    String shown = number.length() > 24 ? number.substring(0, 20) + "…" : number;
    if (whole.length() > MAX_WHOLE_DIGITS) {
      return Optional.of("'" + shown + "' has " + whole.length() + " digits before the decimal point: a figure has at most "
          + MAX_WHOLE_DIGITS);
    }
    if (decimals > MAX_DECIMALS) {
      return Optional.of("'" + shown + "' has " + decimals + " decimal places: a figure has at most " + MAX_DECIMALS);
    }
    return Optional.empty();
  }

  /** Checks a catalogue target; null means the KPI has none. */
  public Optional<String> targetProblem(String target) {
    if (target == null || target.equalsIgnoreCase(NOT_APPLICABLE)) {
      return Optional.empty();
    }
    if (numeric() && PLAIN_NUMBER.matcher(target).matches() && sizeProblem(target).isPresent()) {
      return sizeProblem(target);
    }
    return switch (this) {
      case COUNT, CURRENCY -> PLAIN_NUMBER.matcher(target).matches()
          ? Optional.empty() : Optional.of("a " + word + " target must be a plain number or n/a");
      case PERCENTAGE -> PLAIN_NUMBER.matcher(target).matches()
          && new BigDecimal(target).compareTo(BigDecimal.valueOf(100)) <= 0
          ? Optional.empty() : Optional.of("a percentage target must be a number from 0 to 100");
      case YES_NO -> YES_NO_WORDS.contains(target)
          ? Optional.empty() : Optional.of("a yes-no target must be yes or no");
      case TREND -> TREND_TARGETS.contains(target)
          ? Optional.empty() : Optional.of("a trend target must be increase or reduction");
      case MILESTONE -> Optional.empty();
      case NARRATIVE -> Optional.of("a narrative KPI has no target");
    };
  }

  /**
   * A figure as a number, when this type reads it as one: as typed ("1200.5") or as printed
   * ("£1,200.50", "45%"); empty for text, n/a and anything else.
   */
  public Optional<BigDecimal> number(String figure) {
    if (!numeric() || figure == null || figure.isBlank()) {
      return Optional.empty();
    }
    Result result = achieved(figure.replace("£", "").replace(",", "").replace("%", "").strip());
    if (!result.valid() || !SIGNED_NUMBER.matcher(result.value()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(result.value()));
  }

  /** A figure as the printed pack gives it: percentages with their sign, money in pounds, counts grouped. */
  public String printed(String value) {
    if (value.equalsIgnoreCase(NOT_APPLICABLE) || !SIGNED_NUMBER.matcher(value).matches()) {
      return value;
    }
    return switch (this) {
      case PERCENTAGE -> value + "%";
      case CURRENCY -> "£" + grouped(value, value.contains(".") ? "#,##0.00" : "#,##0");
      case COUNT -> grouped(value, "#,##0.##########");
      default -> value;
    };
  }

  private static String grouped(String number, String pattern) {
    return new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(Locale.UK))
        .format(new BigDecimal(number));
  }

  /** What the form tells a lead to enter, and what an error message says was expected. */
  public String expected() {
    return switch (this) {
      case COUNT, CURRENCY -> "a plain number (digits and a decimal point, no units or commas) or n/a";
      case PERCENTAGE -> "a number from 0 to 100 (no % sign) or n/a";
      case YES_NO -> "yes, no or n/a";
      case TREND -> "better, same, worse, new or n/a";
      case MILESTONE -> "text";
      case NARRATIVE -> "nothing";
    };
  }

  /**
   * The pattern the form applies as a number is typed (yes-no and trend KPIs are chosen from a
   * list, milestones are free text); the server's rules above decide.
   */
  public String inputPattern() {
    if (this == PERCENTAGE) {
      // 0 to 100 with up to 3 decimals: what the server accepts, refused as typed rather than on Complete
      return "^\\s*(0*100(\\.0{1,3})?|0*\\d{1,2}(\\.\\d{1,3})?|[nN]/[aA])\\s*$";
    }
    // at most 12 digits before the point and 3 after, as the server's rule (leading zeros aside)
    return numeric() ? "^\\s*(0*\\d{1,12}(\\.\\d{1,3})?|[nN]/[aA])\\s*$" : "";
  }

  public record Result(String value, String error) {
    static Result ok(String value) {
      return new Result(value, null);
    }

    static Result error(String error) {
      return new Result(null, error);
    }

    public boolean valid() {
      return error == null;
    }
  }
}
