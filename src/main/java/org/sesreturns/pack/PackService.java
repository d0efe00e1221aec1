package org.sesreturns.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.cycle.CycleStatus;
import org.sesreturns.cycle.QuarterlyCycle;
import org.sesreturns.engine.InvalidInputException;
import org.sesreturns.engine.TextLimits;
import org.sesreturns.returns.LateReturns;
import org.sesreturns.returns.ReturnKey;
import org.sesreturns.returns.ReturnService;
import org.sesreturns.returns.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Compiles the board pack from the stored returns, in every format, and keeps each compiled
 * version as the exact bytes of each format with its SHA-256, so what the board received and the
 * council published can be served and checked again.
 */
@Service
public class PackService {

  /** An executive summary reads on a page or two. */
  static final int MAX_SUMMARY = 8_000;

  private final CycleService cycles;
  private final ReturnService returns;
  private final LateReturns lateReturns;
  private final PackBuilder builder;
  private final PdfPack pdf;
  private final WordPack word;
  private final ExcelPack excel;
  private final TemplateEngine templates;
  private final JdbcClient jdbc;
  private final Clock clock;

  PackService(CycleService cycles, ReturnService returns, LateReturns lateReturns, PackBuilder builder, PdfPack pdf,
      WordPack word, ExcelPack excel, TemplateEngine templates, JdbcClient jdbc, Clock clock) {
    this.cycles = cycles;
    this.returns = returns;
    this.lateReturns = lateReturns;
    this.builder = builder;
    this.pdf = pdf;
    this.word = word;
    this.excel = excel;
    this.templates = templates;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A compiled version.
   *
   * @param sha256 each format's SHA-256
   * @param approvedBy who approved this version for the board, if it is the approved one
   * @param missing the objectives whose returns it was compiled without
   */
  public record Version(int version, OffsetDateTime compiledAt, Map<PackFormat, String> sha256, String approvedBy,
      OffsetDateTime approvedAt, List<String> missing) {}

  /** A pack in one format: a stored version's bytes, or a draft rendered now ({@code version} null). */
  public record File(String cycleKey, Integer version, PackFormat format, byte[] content, String sha256) {

    public boolean draft() {
      return version == null;
    }
  }

  /**
   * Compiles and stores a new version of the cycle's pack, in every format: only in the cycle's
   * own process, and only once every return is signed off.
   */
  @Transactional
  public Version compile(String cycleKey, String processInstanceId) {
    Cycle cycle = cycles.readyToCompile(cycleKey, processInstanceId);
    Version version = store(cycle, List.of(), null, null);
    cycles.packCompiled(cycleKey);
    return version;
  }

  /**
   * Compiles the pack without the returns still outstanding, as the coordinators decided: each is
   * shown as not received, and goes on as a late return of its own.
   */
  @Transactional
  public Version compileWithoutMissing(String cycleKey, String processInstanceId) {
    Cycle cycle = cycles.readyToCompileWithoutMissing(cycleKey, processInstanceId);
    var decision = cycles.leftOut(cycleKey).orElseThrow();
    List<String> missing = returns.toCollect(cycleKey);
    lateReturns.carryOn(cycleKey, missing, decision.by());
    Version version = store(cycle, missing, decision.by(), decision.reason());
    cycles.packCompiled(cycleKey);
    return version;
  }

  /**
   * A late return was signed off while its pack is reviewed or presented: a new version holds it,
   * the earlier ones stay as they were. Nothing happens for any other return.
   */
  @Transactional
  public Optional<Version> addLateReturn(ReturnKey key) {
    if (!returns.isLate(key)) {
      return Optional.empty();
    }
    Cycle cycle = cycles.require(key.cycleKey());
    if (cycle.status() != CycleStatus.REVIEWING && cycle.status() != CycleStatus.PRESENTING) {
      return Optional.empty();
    }
    List<String> missing = returns.all(key.cycleKey()).stream().filter(r -> r.status() != ReturnStatus.SIGNED_OFF)
        .map(r -> r.key().objectiveId()).toList();
    var decision = cycles.leftOut(key.cycleKey());
    return Optional.of(store(cycle, missing, decision.map(d -> d.by()).orElse(null),
        "the late return for " + key.objectiveId() + " was signed off"));
  }

  /**
   * Keeps the executive summary a coordinator wrote in the review (empty: none), for this review and the next
   * (when returns are reopened). On an approval, a summary the version under review does not
   * print yet is compiled into a new version, put to review at the moment of the approval: the
   * version approved, and the one the board receives.
   */
  @Transactional
  public void reviewSummary(String cycleKey, String text, boolean approved, String user) {
    String summary = text.strip();
    if (summary.length() > MAX_SUMMARY) {
      throw new InvalidInputException(QuarterlyCycle.EXECUTIVE_SUMMARY + ": is " + summary.length()
          + " characters long; an executive summary has at most " + MAX_SUMMARY);
    }
    TextLimits.unsafeCharacter(summary, true)
        .ifPresent(p -> { throw new InvalidInputException(QuarterlyCycle.EXECUTIVE_SUMMARY + ": " + p); });
    Optional<String> kept = summary(cycleKey);
    if (summary.isEmpty()) {
      jdbc.sql("delete from pack_summary where cycle_key = ?").param(cycleKey).update();
    } else if (kept.isEmpty()) {
      jdbc.sql("insert into pack_summary (cycle_key, summary, written_by, written_at) values (?, ?, ?, ?)")
          .params(cycleKey, summary, user, OffsetDateTime.now(clock)).update();
    } else if (!kept.get().equals(summary)) {
      jdbc.sql("update pack_summary set summary = ?, written_by = ?, written_at = ? where cycle_key = ?")
          .params(summary, user, OffsetDateTime.now(clock), cycleKey).update();
    }
    if (!approved) {
      return;
    }
    Cycle cycle = cycles.require(cycleKey);
    Version reviewed = latest(cycleKey).orElseThrow();
    String printed = jdbc.sql("select executive_summary from pack_version where cycle_key = ? and version = ?")
        .params(cycleKey, reviewed.version()).query(String.class).optional().orElse(null);
    if (summary.equals(printed == null ? "" : printed)) {
      return;
    }
    var decision = cycles.leftOut(cycleKey);
    Version version = store(cycle, reviewed.missing(), decision.map(d -> d.by()).orElse(null),
        "the executive summary was written in the review");
    jdbc.sql("update pack_version set put_to_review_at = ? where cycle_key = ? and version = ?")
        .params(cycle.packApprovedAt(), cycleKey, version.version()).update();
  }

  /** The executive summary written for the cycle's pack, if one is. */
  Optional<String> summary(String cycleKey) {
    return jdbc.sql("select summary from pack_summary where cycle_key = ?").param(cycleKey).query(String.class).optional();
  }

  /** Renders every format of a new version and keeps it, with the returns it is missing and why. */
  private Version store(Cycle cycle, List<String> missing, String compiledBy, String reason) {
    String cycleKey = cycle.key();
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from pack_version where cycle_key = ?")
        .param(cycleKey).query(Integer.class).single();
    String summary = summary(cycleKey).orElse(null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<PackFormat, String> hashes = new EnumMap<>(PackFormat.class);
    // each file is written as it is made (the web page first, with the version's row), so that a
    // large pack's files are not all held at once
    files().each(builder.build(cycle, false, version, summary), (format, made) -> {
      hashes.put(format, made.sha256());
      if (format == PackFormat.HTML) {
        byte[] content = made.content();
        jdbc.sql("""
                insert into pack_version (cycle_key, version, html, sha256, compiled_at, missing_objectives, compiled_by,
                                          compile_reason, executive_summary)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(cycleKey, version, new String(content, StandardCharsets.UTF_8), hashes.get(format), now,
                missing.isEmpty() ? null : String.join(",", missing), compiledBy, reason, summary)
            .update();
      }
      // streamed from the file or array it was made in (the driver sends it as it reads it)
      try (InputStream content = made.open()) {
        jdbc.sql("insert into pack_file (cycle_key, version, format, content, sha256) values (?, ?, ?, ?, ?)")
            .params(cycleKey, version, format.extension(), new SqlBinaryValue(content, made.length()), made.sha256())
            .update();
      } catch (IOException e) {
        throw new UncheckedIOException("the pack's " + format.extension() + " file could not be read", e);
      }
    });
    return new Version(version, now, hashes, null, null, missing);
  }

  /** Every compiled version of the cycle's pack, oldest first, the approved one marked. */
  public List<Version> versions(String cycleKey) {
    Cycle cycle = cycles.require(cycleKey);
    Map<Integer, OffsetDateTime> compiled = new LinkedHashMap<>();
    Map<Integer, OffsetDateTime> putToReview = new LinkedHashMap<>();
    Map<Integer, List<String>> missing = new LinkedHashMap<>();
    jdbc.sql("select version, compiled_at, put_to_review_at, missing_objectives from pack_version where cycle_key = ?"
            + " order by version")
        .param(cycleKey)
        .query((rs, n) -> {
          compiled.put(rs.getInt("version"), rs.getObject("compiled_at", OffsetDateTime.class));
          String left = rs.getString("missing_objectives");
          missing.put(rs.getInt("version"), left == null ? List.of() : List.of(left.split(",")));
          OffsetDateTime reviewed = rs.getObject("put_to_review_at", OffsetDateTime.class);
          if (reviewed != null) {
            putToReview.put(rs.getInt("version"), reviewed);
          }
          return null;
        })
        .list();
    if (putToReview.isEmpty()) {
      // a cycle reviewed before reviews were recorded (schema version 5): each version counts as put to review when compiled
      putToReview.putAll(compiled);
    }
    Map<Integer, Map<PackFormat, String>> hashes = new LinkedHashMap<>();
    jdbc.sql("select version, format, sha256 from pack_file where cycle_key = ?")
        .param(cycleKey)
        .query((rs, n) -> hashes.computeIfAbsent(rs.getInt("version"), v -> new EnumMap<>(PackFormat.class))
            .put(PackFormat.of(rs.getString("format")).orElseThrow(), rs.getString("sha256")))
        .list();
    Optional<Integer> approved = approvedVersion(cycle, putToReview);
    List<Version> versions = new ArrayList<>();
    compiled.forEach((version, at) -> {
      boolean isApproved = approved.isPresent() && approved.get().equals(version);
      versions.add(new Version(version, at, hashes.getOrDefault(version, Map.of()),
          isApproved ? cycle.packApprovedBy() : null, isApproved ? cycle.packApprovedAt() : null, missing.get(version)));
    });
    return versions;
  }

  public Optional<Version> latest(String cycleKey) {
    List<Version> versions = versions(cycleKey);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The pack to read now: while returns are being collected, a draft of what has been submitted;
   * once compiled, the version approved for the board, or the latest while it is under review.
   */
  public Optional<File> current(String cycleKey, PackFormat format) {
    Cycle cycle = cycles.require(cycleKey);
    if (cycle.status() != CycleStatus.COLLECTING && cycle.status() != CycleStatus.CANCELLED) {
      List<Version> versions = versions(cycleKey);
      Optional<Version> shown = versions.stream().filter(v -> v.approvedBy() != null).findFirst()
          .or(() -> versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1)));
      if (shown.isPresent()) {
        return version(cycleKey, shown.get().version(), format);
      }
    }
    byte[] content = render(builder.build(cycle, true, null, summary(cycleKey).orElse(null)), format);
    return Optional.of(new File(cycleKey, null, format, content, sha256(content)));
  }

  /** A stored version in one format, exactly as compiled. */
  public Optional<File> version(String cycleKey, int version, PackFormat format) {
    Optional<File> file = jdbc.sql("select content, sha256 from pack_file where cycle_key = ? and version = ? and format = ?")
        .params(cycleKey, version, format.extension())
        .query((rs, n) -> new File(cycleKey, version, format, rs.getBytes("content"), rs.getString("sha256")))
        .optional();
    if (file.isPresent() || format != PackFormat.HTML) {
      return file;
    }
    // a version compiled before the other formats existed (schema version 4) kept its HTML only
    return jdbc.sql("select html, sha256 from pack_version where cycle_key = ? and version = ?")
        .params(cycleKey, version)
        .query((rs, n) -> new File(cycleKey, version, format, rs.getString("html").getBytes(StandardCharsets.UTF_8),
            rs.getString("sha256")))
        .optional();
  }

  /**
   * The version the cycle's approval approved: the last one put before the coordinators for review
   * before it. A version a late return made while they reviewed is newer, and not approved.
   */
  private static Optional<Integer> approvedVersion(Cycle cycle, Map<Integer, OffsetDateTime> putToReview) {
    if (cycle.packApprovedAt() == null) {
      return Optional.empty();
    }
    return putToReview.entrySet().stream().filter(e -> !e.getValue().isAfter(cycle.packApprovedAt()))
        .map(Map.Entry::getKey).reduce((a, b) -> b);
  }

  /** Puts the latest version before the coordinators for review: approving the review approves it. */
  @Transactional
  public Optional<Version> putToReview(String cycleKey) {
    Optional<Version> latest = latest(cycleKey);
    latest.ifPresent(v -> jdbc.sql("update pack_version set put_to_review_at = ? where cycle_key = ? and version = ?")
        .params(OffsetDateTime.now(clock), cycleKey, v.version()).update());
    return latest;
  }

  /** The version approved for the board, if one is. */
  public Optional<Version> approved(String cycleKey) {
    return versions(cycleKey).stream().filter(v -> v.approvedBy() != null).findFirst();
  }

  private byte[] render(Pack pack, PackFormat format) {
    return files().one(pack, format);
  }

  private PackFiles files() {
    return new PackFiles(this::html, this::html, pdf, word, excel);
  }

  String html(Pack pack) {
    return templates.process("pack", templateContext(pack, true, Map.of(), false, PackCharts.InTemplate.forWeb()));
  }

  /** The pack's HTML for a part of its PDF, whose charts the PDF draws. */
  String html(Pack pack, boolean front, Map<String, Integer> pages, boolean countPages, PackCharts.InTemplate charts) {
    return templates.process("pack", templateContext(pack, front, pages, countPages, charts));
  }

  /** What the pack's template is given (the tests render it with the same). */
  static Context templateContext(Pack pack, boolean front, Map<String, Integer> pages, boolean countPages,
      PackCharts.InTemplate charts) {
    Context context = new Context();
    context.setVariable("pack", pack);
    context.setVariable("front", front);
    context.setVariable("pages", pages);
    context.setVariable("countPages", countPages);
    context.setVariable("pageLink", PdfPack.PAGE_LINK);
    context.setVariable("charts", charts);
    return context;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
