package org.sesreturns.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.KpiType;
import org.sesreturns.catalogue.Status;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.cycle.CycleStatus;
import org.sesreturns.returns.ReturnService;
import org.sesreturns.returns.StoredReturn;
import org.sesreturns.returns.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Compiles the board pack from the stored returns. Each compilation is kept as an HTML version
 * with its SHA-256, so what the board received can be shown again exactly.
 */
@Service
public class PackService {

  private final Catalogue catalogue;
  private final CycleService cycles;
  private final ReturnService returns;
  private final TemplateEngine templates;
  private final JdbcClient jdbc;
  private final Clock clock;

  PackService(Catalogue catalogue, CycleService cycles, ReturnService returns, TemplateEngine templates,
      JdbcClient jdbc, Clock clock) {
    this.catalogue = catalogue;
    this.cycles = cycles;
    this.returns = returns;
    this.templates = templates;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Version(int version, String html, String sha256, OffsetDateTime compiledAt) {}

  /**
   * Compiles and stores a new version of the cycle's pack: only in the cycle's own process, and
   * only once every return is signed off.
   */
  @Transactional
  public Version compile(String cycleKey, String processInstanceId) {
    cycles.readyToCompile(cycleKey, processInstanceId);
    String html = render(pack(cycleKey, false));
    String sha = sha256(html);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from pack_version where cycle_key = ?")
        .param(cycleKey).query(Integer.class).single();
    jdbc.sql("insert into pack_version (cycle_key, version, html, sha256, compiled_at) values (?, ?, ?, ?, ?)")
        .params(cycleKey, version, html, sha, now).update();
    cycles.packCompiled(cycleKey);
    return new Version(version, html, sha, now);
  }

  public Optional<Version> latest(String cycleKey) {
    return jdbc.sql("""
            select version, html, sha256, compiled_at from pack_version where cycle_key = ?
            order by version desc fetch first 1 rows only""")
        .param(cycleKey)
        .query((rs, n) -> new Version(rs.getInt("version"), rs.getString("html"), rs.getString("sha256"),
            rs.getObject("compiled_at", OffsetDateTime.class)))
        .optional();
  }

  /**
   * The pack to show: the latest compiled version once returns have been compiled and not
   * reopened since, otherwise a draft from what has been submitted so far.
   */
  public String current(String cycleKey) {
    Cycle cycle = cycles.require(cycleKey);
    if (cycle.status() != CycleStatus.COLLECTING) {
      Optional<Version> latest = latest(cycleKey);
      if (latest.isPresent()) {
        return latest.get().html();
      }
    }
    return render(pack(cycleKey, true));
  }

  Pack pack(String cycleKey, boolean draft) {
    Cycle cycle = cycles.require(cycleKey);
    String reportDate = cycle.period().months(catalogue.strategy().financialYearStart());
    Map<String, StoredReturn> byObjective = new HashMap<>();
    returns.all(cycleKey).forEach(r -> byObjective.put(r.key().objectiveId(), r));
    List<Pack.Section> sections = new ArrayList<>();
    for (Catalogue.Objective objective : catalogue.objectives()) {
      Optional<StoredReturn> stored = Optional.ofNullable(byObjective.get(objective.id()));
      Optional<StoredReturn.Version> latest = stored.flatMap(StoredReturn::latest);
      List<Pack.Row> rows = new ArrayList<>();
      if (latest.isPresent()) {
        for (Submission.KpiValue k : latest.get().submission().kpis()) {
          Optional<Catalogue.Kpi> kpi = Optional.ofNullable(k.kpiId()).flatMap(objective::kpi);
          rows.add(new Pack.Row(k.title(), kpi.map(Catalogue.Kpi::baseline).orElse(null),
              target(kpi.orElse(null), k.target()), achieved(kpi.orElse(null), k.achieved()),
              k.status().word(), k.progress()));
        }
      } else {
        objective.kpis().forEach(kpi -> rows.add(new Pack.Row(kpi.title(), kpi.baseline(),
            target(kpi, kpi.target()), null, Status.NONE.word(), null)));
      }
      sections.add(new Pack.Section(objective.id(), objective.title(),
          catalogue.person(objective.sesLead()).name(), catalogue.person(objective.projectLead()).name(),
          reportDate,
          latest.map(StoredReturn.Version::previousStatus).map(Status::label).orElse(null),
          latest.map(v -> v.submission().overallStatus().label()).orElse(null),
          rows,
          latest.map(v -> paragraphs(v.submission().commentary())).orElse(List.of())));
    }
    return new Pack(catalogue.strategy().title(), catalogue.strategy().board(), cycle.period().text(), reportDate,
        draft, sections);
  }

  String render(Pack pack) {
    Context context = new Context();
    context.setVariable("pack", pack);
    return templates.process("pack", context);
  }

  private static String target(Catalogue.Kpi kpi, String target) {
    if (target == null || target.isBlank()) {
      return kpi == null || kpi.type() == KpiType.NARRATIVE ? "" : KpiType.NOT_APPLICABLE;
    }
    return withUnit(kpi, target);
  }

  private static String achieved(Catalogue.Kpi kpi, String achieved) {
    return achieved == null || achieved.isEmpty() ? achieved : withUnit(kpi, achieved);
  }

  /** Percentages print with their sign and money with pounds, as the printed pack does. */
  private static String withUnit(Catalogue.Kpi kpi, String value) {
    if (kpi == null || value.equalsIgnoreCase(KpiType.NOT_APPLICABLE) || !value.matches("\\d+(\\.\\d+)?")) {
      return value;
    }
    return switch (kpi.type()) {
      case PERCENTAGE -> value + "%";
      case CURRENCY -> "£" + grouped(value, value.contains(".") ? "#,##0.00" : "#,##0");
      case COUNT -> grouped(value, "#,##0.##########");
      default -> value;
    };
  }

  private static String grouped(String number, String pattern) {
    return new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK))
        .format(new java.math.BigDecimal(number));
  }

  private static List<String> paragraphs(String text) {
    return text == null ? List.of() : List.of(text.strip().split("\\R+"));
  }

  private static String sha256(String html) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
