package org.sesreturns.returns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.KpiType;
import org.sesreturns.catalogue.Status;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.TextLimits;
import org.springframework.stereotype.Component;

/**
 * The server's rules for a return, applied to every submission whatever client sent it. Every
 * problem is named by its field ({@code kpis[2].achieved}) and the KPI's title, and all problems
 * are reported together so a lead can mend them in one go.
 */
@Component
public class ReturnValidator {

  static final int MAX_COMMENTARY = TextLimits.LONG_TEXT;
  static final int MAX_PROGRESS = TextLimits.COMMENT;
  static final int MAX_ACHIEVED = 200;
  static final int MAX_TITLE = 500;
  static final int MAX_COMMENT = TextLimits.COMMENT;
  static final int MAX_ADDED_ROWS = 50;
  /** The form's column headings, by field: a refusal names the field as the lead sees it. */
  private static final java.util.Map<String, String> COLUMNS = java.util.Map.of("title", "KPI", "target", "Target",
      "achieved", "Achieved", "progress", "Progress to date");

  public Submission validate(Catalogue.Objective objective, String overallStatus, String commentary, JsonNode kpis) {
    List<String> problems = new ArrayList<>();
    Status overall = null;
    if (overallStatus == null || overallStatus.isBlank()) {
      problems.add("overallStatus: is required (green, amber or red)");
    } else {
      overall = Status.overall(overallStatus.strip().toLowerCase(java.util.Locale.ROOT)).orElse(null);
      if (overall == null) {
        problems.add("overallStatus: '" + overallStatus + "' is not green, amber or red");
      }
    }
    String text = commentary == null ? "" : commentary.strip();
    if (text.isEmpty()) {
      problems.add("commentary: is required");
    } else if (text.length() > MAX_COMMENTARY) {
      problems.add("commentary: is " + text.length() + " characters long, over the limit of " + MAX_COMMENTARY);
    } else {
      TextLimits.unsafeCharacter(text, true).ifPresent(p -> problems.add("commentary: " + p));
    }

    List<Submission.KpiValue> rows = new ArrayList<>();
    List<Submission.KpiValue> added = new ArrayList<>();
    if (kpis == null || kpis.isNull()) {
      problems.add("kpis: is required");
    } else if (!kpis.isArray()) {
      problems.add("kpis: must be a list of KPI rows");
    } else {
      Set<String> seen = new HashSet<>();
      Submission.KpiValue[] byCatalogue = new Submission.KpiValue[objective.kpis().size()];
      for (int i = 0; i < kpis.size(); i++) {
        JsonNode row = kpis.get(i);
        // as the lead sees the row: counted from 1, named by its KPI's title, no engine ids
        String field = "KPI row " + (i + 1);
        if (!row.isObject()) {
          problems.add(field + ": must be an object");
          continue;
        }
        String kpiId = textOf(row, "kpi");
        if (kpiId != null && !kpiId.isBlank()) {
          var kpi = objective.kpi(kpiId).orElse(null);
          if (kpi == null) {
            problems.add(field + ": unknown KPI '" + kpiId + "' for objective '" + objective.title() + "'");
            continue;
          }
          if (!seen.add(kpiId)) {
            problems.add(field + ": KPI '" + kpi.title() + "' is given twice");
            continue;
          }
          String label = field + " (" + kpi.title() + ")";
          String typed = textOf(row, "achieved");
          var unsafe = TextLimits.unsafeCharacter(typed == null ? null : typed.strip(), false);
          KpiType.Result achieved = unsafe.isPresent() ? null : kpi.type().achieved(typed);
          if (unsafe.isPresent()) {
            problems.add(label + ", Achieved: " + unsafe.get());
          } else if (!achieved.valid()) {
            problems.add(label + ", Achieved: " + achieved.error());
          } else if (achieved.value().length() > MAX_ACHIEVED) {
            problems.add(label + ", Achieved: is over the limit of " + MAX_ACHIEVED + " characters");
          }
          Status status = status(row, label, problems);
          String progress = limited(row, "progress", MAX_PROGRESS, true, label, problems);
          byCatalogue[objective.kpis().indexOf(kpi)] = new Submission.KpiValue(
              kpi.id(), kpi.title(), kpi.target(), achieved == null ? null : achieved.value(), status, progress);
        } else {
          field = field + " (added)";
          String title = limited(row, "title", MAX_TITLE, false, field, problems);
          if (title == null || title.isEmpty()) {
            problems.add(field + ", KPI: an added KPI row needs a title");
          }
          String target = limited(row, "target", MAX_ACHIEVED, false, field, problems);
          String achieved = limited(row, "achieved", MAX_ACHIEVED, false, field, problems);
          Status status = status(row, field, problems);
          String progress = limited(row, "progress", MAX_PROGRESS, true, field, problems);
          added.add(new Submission.KpiValue(null, title, emptyToNull(target), achieved, status, progress));
        }
      }
      for (int k = 0; k < byCatalogue.length; k++) {
        if (byCatalogue[k] == null) {
          problems.add("kpis: KPI '" + objective.kpis().get(k).title() + "' ("
              + objective.kpis().get(k).id() + ") is missing");
        }
        if (byCatalogue[k] != null) {
          rows.add(byCatalogue[k]);
        }
      }
      if (added.size() > MAX_ADDED_ROWS) {
        problems.add("kpis: more than " + MAX_ADDED_ROWS + " added rows");
      }
      rows.addAll(added);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Submission(overall, text, List.copyOf(rows));
  }

  /** The SES lead's decision: a comment is required when the return is sent back. */
  public void validateSignOff(Boolean approved, String comment) {
    List<String> problems = new ArrayList<>();
    if (approved == null) {
      problems.add("approved: is required (true or false)");
    } else if (!approved && (comment == null || comment.isBlank())) {
      problems.add("signOffComment: is required when the return is sent back: tell the project lead what to change");
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      problems.add("signOffComment: is over the limit of " + MAX_COMMENT + " characters");
    } else {
      TextLimits.unsafeCharacter(comment, true).ifPresent(p -> problems.add("signOffComment: " + p));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static Status status(JsonNode row, String label, List<String> problems) {
    String word = textOf(row, "status");
    if (word == null || word.isBlank()) {
      problems.add(label + ", Current status: is required (Green, Amber, Red or None)");
      return Status.NONE;
    }
    // the words as the form shows them (Green) or as it sends them (green): a client may send either
    return Status.of(word.strip().toLowerCase(java.util.Locale.ROOT)).orElseGet(() -> {
      problems.add(label + ", Current status: '" + word + "' is not Green, Amber, Red or None");
      return Status.NONE;
    });
  }

  private static String limited(JsonNode row, String name, int limit, boolean multiLine, String label,
      List<String> problems) {
    String value = textOf(row, name);
    if (value == null) {
      return null;
    }
    value = value.strip();
    String column = label + ", " + COLUMNS.getOrDefault(name, name) + ": ";
    if (value.length() > limit) {
      problems.add(column + "is " + value.length() + " characters long, over the limit of " + limit);
    } else {
      TextLimits.unsafeCharacter(value, multiLine).ifPresent(p -> problems.add(column + p));
    }
    return value;
  }

  private static String textOf(JsonNode row, String name) {
    JsonNode value = row.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
