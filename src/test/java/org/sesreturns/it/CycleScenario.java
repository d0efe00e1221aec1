package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sesreturns.catalogue.Catalogue;

/**
 * A whole quarter driven as its users drive it, over the REST API: the coordinator starts the
 * cycle, each project lead completes their return, one return is sent back and resubmitted, the
 * SES leads sign off, the coordinator reviews and presents the pack. Then the pack is read back.
 */
final class CycleScenario {

  record KpiEntry(String kpi, String title, String achieved, String status, String progress) {}

  record ReturnEntry(String overallStatus, String commentary, List<KpiEntry> kpis) {}

  private final Rest rest;
  private final Catalogue catalogue;
  private final String period;
  private final String cycleKey;

  CycleScenario(Rest rest, Catalogue catalogue, String period) {
    this.rest = rest;
    this.catalogue = catalogue;
    this.period = period;
    this.cycleKey = period.replace(' ', '-');
  }

  String cycleKey() {
    return cycleKey;
  }

  void start(String returnsDue, String boardMeeting) {
    Rest.Response started = rest.startCycle(catalogue.coordinators().get(0), period, returnsDue, boardMeeting);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().get("businessKey").asText()).isEqualTo(cycleKey);
  }

  /** The lead opens the task, checks what the form shows and submits the entry. */
  JsonNode submit(Catalogue.Objective objective, ReturnEntry entry) {
    String lead = objective.projectLead();
    JsonNode task = rest.task(lead, cycleKey + "/" + objective.id());
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("userTask_completeReturn");
    assertThat(task.get("assignee").asText()).isEqualTo(lead);
    assertThat(task.get("name").asText()).isEqualTo("Complete KPI return: " + objective.title());
    JsonNode form = rest.formVariables(lead, task.get("id").asText());
    JsonNode rows = Rest.jsonValue(form, "kpis");
    assertThat(Rest.texts(rows, "kpi")).startsWith(objective.kpis().stream().map(Catalogue.Kpi::id).toArray(String[]::new));
    JsonNode header = Rest.jsonValue(form, "returnHeader");
    assertThat(header.get("objective").asText()).isEqualTo(objective.title());
    assertThat(header.get("projectLead").asText()).isEqualTo(catalogue.person(lead).name());
    assertThat(header.get("sesLead").asText()).isEqualTo(catalogue.person(objective.sesLead()).name());

    Rest.Response done = rest.complete(lead, task.get("id").asText(), Map.of(
        "overallStatus", entry.overallStatus(),
        // as the form sends it: a Json string, which the engine stores beyond 4000 characters
        "commentary", Rest.JSON.getNodeFactory().textNode(entry.commentary()), "kpis", rows(entry)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    return form;
  }

  static ArrayNode rows(ReturnEntry entry) {
    ArrayNode rows = Rest.JSON.createArrayNode();
    for (KpiEntry k : entry.kpis()) {
      ObjectNode row = rows.addObject();
      if (k.kpi() != null) {
        row.put("kpi", k.kpi());
      } else {
        row.put("title", k.title());
      }
      row.put("achieved", k.achieved());
      row.put("status", k.status());
      row.put("progress", k.progress());
    }
    return rows;
  }

  void decide(Catalogue.Objective objective, boolean approved, String comment) {
    String sesLead = objective.sesLead();
    JsonNode task = rest.task(sesLead, cycleKey + "/" + objective.id());
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("userTask_signOffReturn");
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("approved", approved);
    if (comment != null) {
      decision.put("signOffComment", comment);
    }
    Rest.Response done = rest.complete(sesLead, task.get("id").asText(), decision);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  static final String EXECUTIVE_SUMMARY = "Housing worsened: two schemes slipped to the autumn.\n\nSkills & jobs are <on track>.";

  void reviewAndPresent(String held, String decisions) {
    String coordinator = catalogue.coordinators().get(0);
    JsonNode review = rest.task(coordinator, cycleKey, "userTask_reviewPack");
    assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("userTask_reviewPack");
    // the summary the coordinator writes in the review is compiled into a new version, the one approved
    int reviewed = versions(coordinator).size();
    Rest.Response approved = rest.complete(coordinator, review.get("id").asText(),
        Map.of("packApproved", true, "executiveSummary", EXECUTIVE_SUMMARY));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    JsonNode versions = versions(coordinator);
    assertThat(versions.size()).isEqualTo(reviewed + 1);
    assertThat(versions.get(versions.size() - 1).get("approvedBy").isNull()).as("the new version is approved").isFalse();
    Document shown = Jsoup.parse(rest.get(coordinator, "/api/cycles/" + cycleKey + "/pack").body());
    assertThat(shown.select("section.executive p").eachText())
        .containsExactly("Housing worsened: two schemes slipped to the autumn.", "Skills & jobs are <on track>.");
    assertThat(shown.select("section.executive ~ nav.contents")).as("the summary first after the cover").hasSize(1);

    JsonNode present = rest.task(coordinator, cycleKey, "userTask_presentPack");
    assertThat(present.get("taskDefinitionKey").asText()).isEqualTo("userTask_presentPack");
    Rest.Response closed = rest.complete(coordinator, present.get("id").asText(),
        Map.of("boardMeetingHeld", held, "boardDecisions", decisions));
    assertThat(closed.status()).as(closed.body()).isEqualTo(204);

    JsonNode cycle = rest.get(coordinator, "/api/cycles/" + cycleKey).json();
    assertThat(cycle.get("status").asText()).isEqualTo("closed");
    assertThat(cycle.get("boardDecisions").asText()).isEqualTo(decisions);
    assertThat(Rest.texts(cycle.get("returns"), "status")).containsOnly("signed-off").hasSize(catalogue.objectives().size());
  }

  /** The cycle's pack versions, oldest first, as the Board packs page lists them. */
  private JsonNode versions(String reader) {
    for (JsonNode cycle : rest.get(reader, "/api/packs").json()) {
      if (cycle.get("key").asText().equals(cycleKey)) {
        return cycle.get("versions");
      }
    }
    throw new AssertionError("no cycle " + cycleKey + " on the Board packs page");
  }

  /** Reads the pack as the board does and checks every objective, KPI row, value, status and commentary. */
  Document checkPack(String reader, Map<String, ReturnEntry> entries, Map<String, String> previousStatus) {
    Rest.Response response = rest.get(reader, "/api/cycles/" + cycleKey + "/pack");
    assertThat(response.status()).isEqualTo(200);
    Document pack = Jsoup.parse(response.body());
    assertThat(pack.select("h1").text()).isEqualTo(catalogue.strategy().title());
    assertThat(pack.select("p.draft")).isEmpty();

    List<String> order = new ArrayList<>();
    for (Element section : pack.select("section.objective")) {
      order.add(section.id());
    }
    assertThat(order).containsExactlyElementsOf(catalogue.objectives().stream().map(Catalogue.Objective::id).toList());

    for (Catalogue.Objective objective : catalogue.objectives()) {
      Element section = pack.getElementById(objective.id());
      ReturnEntry entry = entries.get(objective.id());
      Element header = section.selectFirst("table.header");
      assertThat(header.text()).contains("Strategic Objective " + objective.title())
          .contains("SES Lead " + catalogue.person(objective.sesLead()).name())
          .contains("SES Project lead " + catalogue.person(objective.projectLead()).name())
          .contains("Overall Status " + capitalised(entry.overallStatus()));
      if (previousStatus.containsKey(objective.id())) {
        assertThat(header.text()).contains("Previous Status " + capitalised(previousStatus.get(objective.id())));
      }
      var rows = section.select("table.kpis tbody tr");
      assertThat(rows).hasSize(entry.kpis().size());
      for (int i = 0; i < rows.size(); i++) {
        var cells = rows.get(i).select("td");
        KpiEntry kpi = entry.kpis().get(i);
        String title = kpi.kpi() != null ? objective.kpi(kpi.kpi()).orElseThrow().title() : kpi.title();
        assertThat(cells.get(0).text()).as(objective.id() + " row " + i).startsWith(title.replaceAll("\\s+", " ").strip());
        assertThat(plain(cells.get(2).text())).as(objective.id() + " achieved " + i).isEqualTo(plain(kpi.achieved()));
        assertThat(cells.get(3).text()).as(objective.id() + " status " + i)
            .isEqualTo(kpi.status().equals("none") ? "" : capitalised(kpi.status()));
        assertThat(cells.get(4).text()).isEqualTo(squeeze(kpi.progress()));
      }
      String commentary = String.join(" ", section.select("p").eachText());
      assertThat(commentary).isEqualTo(squeeze(entry.commentary()));
    }
    // every KPI at Red is on the exceptions page, before the sections, with its objective
    Element exceptions = pack.selectFirst("section.exceptions");
    assertThat(pack.select("section.exceptions ~ section.objective")).hasSize(catalogue.objectives().size());
    for (Catalogue.Objective objective : catalogue.objectives()) {
      for (KpiEntry kpi : entries.get(objective.id()).kpis()) {
        if (kpi.status().equals("red")) {
          String title = kpi.kpi() != null ? objective.kpi(kpi.kpi()).orElseThrow().title() : kpi.title();
          assertThat(exceptions.text()).as("exceptions").contains(squeeze(objective.title()))
              .contains(title.replaceAll("\\s+", " ").strip());
        }
      }
    }
    // the contents lead to every section
    assertThat(pack.select("nav.contents a[href^=#]").eachAttr("href"))
        .containsAll(catalogue.objectives().stream().map(o -> "#" + o.id()).toList());
    checkDownloads(reader, entries);
    return pack;
  }

  /**
   * The same pack as a PDF, a Word document and an Excel workbook, read back with PDFBox and
   * Apache POI: every objective, KPI title, achieved value, status and commentary is in each.
   */
  void checkDownloads(String reader, Map<String, ReturnEntry> entries) {
    String pdfText;
    var pdf = rest.download(reader, "/api/cycles/" + cycleKey + "/pack.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    keep(cycleKey + ".pdf", pdf.body());
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("a tagged PDF").isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      // a page's footer may fall inside a commentary that runs over a page
      pdfText = squeeze(new PDFTextStripper().getText(document).replaceAll("Page \\d+ of \\d+", " ")
          .replaceAll("(?m)^.* \u00b7 .* \u00b7 (Draft|Version \\d+)\\R", " "));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String docxText;
    var docx = rest.download(reader, "/api/cycles/" + cycleKey + "/pack.docx");
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      assertThat(document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(p -> p.getText()))
          .containsAll(catalogue.objectives().stream().map(o -> squeeze(o.title())).toList());
      docxText = squeeze(extractor.getText());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<List<String>> xlsxRows = new ArrayList<>();
    var xlsx = rest.download(reader, "/api/cycles/" + cycleKey + "/pack.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      // as the analyst's spreadsheet shows them; a numeric KPI's figures are numbers, marked "#"
      var shown = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.UK);
      for (Row row : workbook.getSheet("KPIs")) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(shown.formatCellValue(c)));
        cells.add(row.getCell(7).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? "#" : "text");
        xlsxRows.add(cells);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String period = cycleKey.replaceFirst("-Q", " Q");
    for (Catalogue.Objective objective : catalogue.objectives()) {
      ReturnEntry entry = entries.get(objective.id());
      for (String text : List.of(pdfText, docxText)) {
        assertThat(text).contains(squeeze(objective.title()));
      }
      assertThat(docxText).contains(squeeze(entry.commentary()));
      // the PDF breaks lines where its column ends, after a hyphen too: compared without spaces
      assertThat(pdfText.replaceAll("\\s+", "")).contains(entry.commentary().replaceAll("\\s+", ""));
      for (KpiEntry kpi : entry.kpis()) {
        String title = squeeze(kpi.kpi() != null ? objective.kpi(kpi.kpi()).orElseThrow().title() : kpi.title());
        String status = kpi.status().equals("none") ? "" : capitalised(kpi.status());
        assertThat(docxText).as(objective.id() + " " + title).contains(title).contains(status);
        assertThat(pdfText.replaceAll("\\s+", "")).as(objective.id() + " " + title).contains(title.replaceAll("\\s+", ""))
            .contains(status);
        if (kpi.achieved() != null && !kpi.achieved().isBlank()) {
          assertThat(plain(docxText)).as(objective.id() + " " + title + " achieved").contains(plain(kpi.achieved()));
          assertThat(plain(pdfText).replaceAll("\\s+", "")).as(objective.id() + " " + title + " achieved in the PDF")
              .contains(plain(kpi.achieved()).replaceAll("\\s+", ""));
        }
        assertThat(xlsxRows).as(objective.id() + " " + title + " in the workbook").anySatisfy(row -> {
          assertThat(row.get(0)).isEqualTo(period);
          assertThat(row.get(2)).isEqualTo(objective.id());
          assertThat(squeeze(row.get(5))).isEqualTo(title);
          assertThat(plain(row.get(7))).isEqualTo(plain(kpi.achieved()));
          assertThat(row.get(8)).isEqualTo(status);
          boolean figure = kpi.kpi() != null && objective.kpi(kpi.kpi()).orElseThrow().type().numeric()
              && kpi.achieved() != null && kpi.achieved().strip().matches("\\d+(\\.\\d+)?");
          assertThat(row.get(row.size() - 1)).as("a number where the KPI is numeric").isEqualTo(figure ? "#" : "text");
        });
      }
    }
  }

  /** The downloaded file, under target/packs: to look at when a check fails. */
  private static void keep(String name, byte[] content) {
    try {
      java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "packs"));
      java.nio.file.Files.write(folder.resolve(name), content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String plain(String value) {
    return value == null ? "" : value.replaceAll("[,£%]", "").strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String squeeze(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
