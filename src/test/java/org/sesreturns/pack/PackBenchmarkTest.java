package org.sesreturns.pack;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.KpiType;

/**
 * Compiles the pack in every format (HTML, PDF, Word, Excel) for 11, 100 and 1,000 objectives of
 * generated returns, and prints the time and the peak heap of each. Not a test of the suite: run it
 * with {@code ./mvnw -Pbenchmark test}, which gives it a heap of 512 MB (the target for 1,000
 * objectives). Targets on a 2-core machine: 11 objectives in under 2 seconds; time growing no
 * faster than the number of objectives.
 */
@Tag("benchmark")
class PackBenchmarkTest {

  private static final String WORDS = "The programme continues to deliver against its targets, with partners across the "
      + "borough reporting steady progress; two projects are behind schedule because of contractor availability and "
      + "rising material costs, and mitigation has been agreed with the funding body. ";

  @Test
  void compileEveryFormatFor11And100And1000Objectives() throws Exception {
    PdfPack pdf = new PdfPack();
    WordPack word = new WordPack();
    ExcelPack excel = new ExcelPack();
    // warm up once (class loading, fonts, the JIT), as a running application is
    Pack warm = generated(11);
    PackFormatsTest.html(warm, true, java.util.Map.of());
    pdf.render(warm, PackFormatsTest::html);
    word.render(warm);
    excel.render(warm);
    // the four formats as the application compiles them (PackFiles: at once, for a pack of one PDF part)
    PackFiles files = new PackFiles(p -> PackFormatsTest.html(p, true, java.util.Map.of()), PackFormatsTest::html, pdf, word,
        excel);
    files.each(warm, (format, file) -> { });

    List<String> lines = new ArrayList<>();
    lines.add("objectives | html ms | pdf ms | docx ms | xlsx ms | total ms | ms per objective | peak heap MB (html/pdf/docx/xlsx) | pdf KB | compiled as the application does, ms (peak MB)");
    lines.add("--- | --- | --- | --- | --- | --- | --- | --- | --- | ---");
    double perObjectiveAt11 = 0;
    // -Dobjectives=1000 measures one size alone
    for (int objectives : java.util.Arrays.stream(System.getProperty("objectives", "11,100,1000").split(","))
        .mapToInt(n -> Integer.parseInt(n.strip())).toArray()) {
      Pack pack = generated(objectives);
      System.out.println("compiling " + objectives + " objectives");
      Measured html = measure(() -> PackFormatsTest.html(pack, true, java.util.Map.of()).length());
      System.out.println("  html " + html);
      // to a file, as the application makes it (a 1,000-objective pack's PDF is some 100 MB)
      Measured pdfRun = measure(() -> {
        try {
          java.nio.file.Path file = java.nio.file.Files.createTempFile("benchmark", ".pdf");
          try {
            pdf.render(pack, PackFormatsTest::html, file);
            return java.nio.file.Files.size(file);
          } finally {
            java.nio.file.Files.delete(file);
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      System.out.println("  pdf " + pdfRun);
      Measured docx = measure(() -> word.render(pack).length);
      System.out.println("  docx " + docx);
      Measured xlsx = measure(() -> excel.render(pack).length);
      // each file let go once made, as the application writes it to the database
      Measured compiled = measure(() -> {
        AtomicLong bytes = new AtomicLong();
        files.each(pack, (format, file) -> bytes.addAndGet(file.length()));
        return bytes.get();
      });
      System.out.println("  compiled " + compiled);
      long total = html.ms + pdfRun.ms + docx.ms + xlsx.ms;
      double perObjective = (double) total / objectives;
      if (objectives == 11) {
        perObjectiveAt11 = perObjective;
      }
      lines.add(String.format(Locale.ROOT, "%d | %d | %d | %d | %d | %d | %.1f | %d / %d / %d / %d | %d | %d (%d)", objectives,
          html.ms, pdfRun.ms, docx.ms, xlsx.ms, total, perObjective, html.peakMb, pdfRun.peakMb, docx.peakMb, xlsx.peakMb,
          pdfRun.size / 1024, compiled.ms, compiled.peakMb));
      System.out.println(lines.get(lines.size() - 1));
      if (objectives == 11) {
        lines.add("  (target: compiled in under 2,000 ms: " + (compiled.ms < 2000 ? "met" : "MISSED")
            + "; the formats one after the other: " + total + " ms)");
      } else {
        lines.add("  (ms per objective against 11 objectives: " + String.format(Locale.ROOT, "%.2f", perObjective / perObjectiveAt11)
            + "x; at most 1x is linear or better)");
      }
    }
    lines.add("max heap (-Xmx): " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; peak heap is the most heap"
        + " in use (live objects and garbage not yet collected), sampled every 5 ms");
    System.out.println("\n--- pack benchmark ---\n" + String.join("\n", lines) + "\n");
  }

  private record Measured(long ms, long peakMb, long size) {}

  /** Runs a step once, after a collection, sampling the heap in use while it runs. */
  private static Measured measure(java.util.function.LongSupplier step) throws InterruptedException {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    long start = System.nanoTime();
    long size = step.getAsLong();
    long ms = (System.nanoTime() - start) / 1_000_000;
    running.set(false);
    sampler.join();
    return new Measured(ms, peak.get() / (1024 * 1024), size);
  }

  /** A pack of generated returns: six KPIs each, progress notes, three paragraphs of commentary, trends. */
  static Pack generated(int objectives) {
    List<Pack.Section> sections = new ArrayList<>();
    List<Pack.SummaryRow> rows = new ArrayList<>();
    List<Pack.Concern> exceptions = new ArrayList<>();
    String[] statuses = {"Green", "Amber", "Red"};
    for (int o = 0; o < objectives; o++) {
      String id = "objective-" + o;
      String title = "Objective " + o + ": growing jobs, skills and places across the borough";
      String overall = statuses[o % 3];
      String previous = statuses[(o + 1) % 3];
      List<Pack.Row> kpis = new ArrayList<>();
      List<Pack.Trend> trends = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        String achieved = k < 4 ? Integer.toString(100 + o + k * 7) : k == 4 ? "On track for March" : "";
        kpis.add(new Pack.Row("kpi-" + k, "KPI " + k + " of objective " + o + ": number of businesses supported", null,
            Integer.toString(120 + k), achieved, statuses[(o + k) % 3], WORDS.substring(0, 120 + k * 10),
            k < 4 ? KpiType.COUNT : KpiType.MILESTONE, k < 4 ? BigDecimal.valueOf(120 + k) : null,
            k < 4 ? new BigDecimal(achieved) : null));
        if (k < 4) {
          trends.add(new Pack.Trend("KPI " + k, KpiType.COUNT, BigDecimal.valueOf(120 + k), Integer.toString(120 + k),
              List.of(new Pack.Point("2023-24 Q1", "Apr-Jun 2023", 90 + k, Integer.toString(90 + k), "Red"),
                  new Pack.Point("2023-24 Q2", "Jul-Sep 2023", 95 + k, Integer.toString(95 + k), "Amber"),
                  new Pack.Point("2023-24 Q3", "Oct-Dec 2023", 99 + k, Integer.toString(99 + k), "Amber"),
                  new Pack.Point("2023-24 Q4", "Jan-Mar 2024", 100 + o + k * 7, Integer.toString(100 + o + k * 7),
                      statuses[(o + k) % 3]))));
        }
      }
      // its KPIs at Red (two of six) are exceptions, with the commentary, as a real pack's are
      List<Pack.ConcernKpi> red = kpis.stream().filter(r -> r.status().equals("Red"))
          .map(r -> new Pack.ConcernKpi(r.kpi(), r.target(), r.achieved(), r.status(), "Amber", r.progress())).toList();
      exceptions.add(new Pack.Concern(id, title, "Project Lead " + o, overall, red, List.of(WORDS + WORDS, WORDS)));
      List<Pack.Earlier> earlier = List.of(
          new Pack.Earlier("2023-24 Q3", "Oct-Dec 2023", previous, kpis.subList(0, 4)),
          new Pack.Earlier("2023-24 Q2", "Jul-Sep 2023", previous, kpis.subList(0, 4)),
          new Pack.Earlier("2023-24 Q1", "Apr-Jun 2023", previous, kpis.subList(0, 4)));
      sections.add(new Pack.Section(id, title, "SES Lead " + (o % 7), "Project Lead " + o, "Jan-Mar 2024", previous, overall,
          true, kpis, List.of(WORDS + WORDS, WORDS + WORDS + WORDS, WORDS), trends, earlier));
      rows.add(new Pack.SummaryRow(id, title, "SES Lead " + (o % 7), previous, overall,
          PackBuilder.direction(org.sesreturns.catalogue.Status.valueOf(previous.toUpperCase(Locale.ROOT)),
              org.sesreturns.catalogue.Status.valueOf(overall.toUpperCase(Locale.ROOT))), true));
    }
    return new Pack("Generated Strategy", "Generated Board", "2023-24 Q4", "Jan-Mar 2024", "2023-24", "Thursday 25 April 2024",
        1, false, new Pack.Summary(List.of(WORDS, WORDS), rows, new Pack.Counts(objectives / 3, objectives / 3, objectives / 3),
            new Pack.Counts(objectives * 2, objectives * 2, objectives * 2), exceptions), sections,
        org.sesreturns.catalogue.Catalogue.Branding.PLAIN);
  }
}
