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

  /** Checks a catalogue target; null means the KPI has none. */
  public Optional<String> targetProblem(String target) {
    if (target == null || target.equalsIgnoreCase(NOT_APPLICABLE)) {
      return Optional.empty();
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
      // 0 to 100: what the server accepts, refused as typed rather than on Complete
      return "^\\s*(0*100(\\.0+)?|0*\\d{1,2}(\\.\\d+)?|[nN]/[aA])\\s*$";
    }
    return numeric() ? "^\\s*(\\d+(\\.\\d+)?|[nN]/[aA])\\s*$" : "";
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
