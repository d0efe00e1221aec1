package org.sesreturns.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The three formats of a pack, read back with the libraries a reader's software stands on: PDFBox
 * finds the text, the tags (PDF/UA) and only embedded fonts; Apache POI finds Word headings and
 * tables, and the workbook's rows. Typed markup arrives as text in each.
 */
class PackFormatsTest {

  private static final String COMMENTARY = "Jobs <b>up</b> & costs down.\nSecond paragraph, with £ and ’quotes’.";

  private final Pack pack = new Pack("Sefton Economic Strategy", "Sefton Economic Strategy Board", "2023-24 Q4",
      "Jan-Mar 2024", "2023-24", "Thursday 25 April 2024", 2, false,
      new Pack.Summary(List.of(
          new Pack.SummaryRow("housing", "Places & housing", "Stuart Barnes", "Green", "Amber", "Worsened", true),
          new Pack.SummaryRow("growth", "Business growth", "Stuart Barnes", "Amber", "Green", "Improved", true),
          new Pack.SummaryRow("skills", "Skills", "Lee Payne", "Red", null, null, false)),
          new Pack.Counts(1, 1, 0), new Pack.Counts(2, 1, 1)),
      List.of(
          new Pack.Section("growth", "Business growth", "Stuart Barnes", "Mike Mullin", "Jan-Mar 2024", "Amber", "Green", true,
              List.of(new Pack.Row("new-jobs", "No of new jobs created", null, "400", "412", "Green", "Ahead of plan"),
                  new Pack.Row("grants", "Grant spent", null, "£250,000", "£180,500", "Amber", "Slow claims\nfrom two firms")),
              List.of("Jobs <b>up</b> & costs down.", "Second paragraph, with £ and ’quotes’."),
              List.of(new Pack.Trend("No of new jobs created", List.of(new Pack.Point("2023-24 Q3", "Oct-Dec 2023", 350, "350", 85),
                  new Pack.Point("2023-24 Q4", "Jan-Mar 2024", 412, "412", 100)))),
              List.of(new Pack.Earlier("2023-24 Q3", "Oct-Dec 2023", "Amber",
                  List.of(new Pack.Row("new-jobs", "No of new jobs created", null, "400", "350", "Amber", null))))),
          new Pack.Section("housing", "Places & housing", "Stuart Barnes", "Claire Maguire", "Jan-Mar 2024", "Green", "Amber",
              true, List.of(new Pack.Row("homes", "Empty homes brought back into use", null, "50", "31", "Red", "Behind")),
              List.of("Fewer homes than hoped."), List.of(), List.of()),
          new Pack.Section("skills", "Skills", "Lee Payne", "Pat Lead", "Jan-Mar 2024", "Red", null, false,
              List.of(new Pack.Row("apprentices", "Apprentices starting", null, "40", null, "", null)), List.of(), List.of(),
              List.of())));

  /** The pack's HTML as the application renders it: with or without its cover and summary. */
  static String html(Pack pack, boolean front) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    Context context = new Context();
    context.setVariable("pack", pack);
    context.setVariable("front", front);
    return engine.process("pack", context);
  }

  @Test
  void thePdfIsTaggedEmbedsItsFontsAndHoldsEveryObjectiveKpiAndCommentary() throws Exception {
    byte[] pdf = new PdfPack().render(pack, PackFormatsTest::html);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("structure tree").isNotNull();
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Sefton Economic Strategy: performance report Jan-Mar 2024");
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(xmp).as("PDF/UA identification").contains("pdfuaid");
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());

      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Sefton Economic Strategy", "Jan-Mar 2024 (2023-24 Q4)", "Thursday 25 April 2024", "Version 2")
          .contains("Business growth", "Places & housing", "Skills")
          .contains("No of new jobs created", "412", "Grant spent", "£180,500", "Slow claims from two firms")
          .contains("Empty homes brought back into use", "Worsened", "Improved")
          .contains("Jobs <b>up</b> & costs down.", "Second paragraph, with £ and ’quotes’.")
          .contains("Return not received")
          .contains("Oct-Dec 2023", "350");
      // the summary reads first: what worsened leads
      assertThat(text.indexOf("Places & housing Stuart Barnes Green Amber Worsened")).isPositive()
          .isLessThan(text.indexOf("Business growth Stuart Barnes Amber Green Improved"));
    }
  }

  @Test
  void aLargePackIsRenderedInPartsAndMergedTaggedAndNumberedThroughout() throws Exception {
    int objectives = PdfPack.OBJECTIVES_PER_PART * 2 + 5;
    int firstOfPartTwo = PdfPack.OBJECTIVES_PER_PART;
    Pack large = PackBenchmarkTest.generated(objectives);

    byte[] pdf = new PdfPack().render(large, PackFormatsTest::html);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
      // the second part's pages are in the structure tree too
      assertThat(document.getPage(pages - 1).getStructParents()).isGreaterThanOrEqualTo(0);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Generated Strategy: performance report Jan-Mar 2024");
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Summary", "Objective 0: growing jobs", "Objective " + (objectives - 1) + ": growing jobs")
          .contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
      // the parts follow each other in order
      assertThat(text.indexOf("Strategic Objective Objective " + (firstOfPartTwo - 1) + ": growing jobs")).isPositive()
          .isLessThan(text.indexOf("Strategic Objective Objective " + firstOfPartTwo + ": growing jobs"));
      // borders and backgrounds are still marked as background artifacts, written in the content
      // streams instead of one object each (what keeps a thousand objectives within 512 MB)
      for (PDPage page : document.getPages()) {
        COSDictionary properties = page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
        if (properties != null) {
          for (COSName name : properties.keySet()) {
            assertThat(properties.getCOSDictionary(name).getCOSName(COSName.TYPE)).isNotEqualTo(COSName.BACKGROUND);
          }
        }
      }
      List<Object> tokens = new PDFStreamParser(document.getPage(pages - 1)).parse();
      assertThat(tokens).anySatisfy(token -> assertThat(token).isInstanceOfSatisfying(COSDictionary.class,
          list -> assertThat(list.getCOSName(COSName.TYPE)).isEqualTo(COSName.BACKGROUND)));
    }
  }

  @Test
  void theWordDocumentHasRealHeadingsAndEditableTables() throws Exception {
    byte[] docx = new WordPack().render(pack);

    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> headings = document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
          .map(XWPFParagraph::getText).toList();
      assertThat(headings).containsExactly("Summary", "Business growth", "Places & housing", "Skills");
      assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
      String tables = String.join(" | ", document.getTables().stream().flatMap(t -> t.getRows().stream())
          .flatMap(r -> r.getTableCells().stream()).map(c -> c.getText()).toList());
      assertThat(tables).contains("No of new jobs created", "412", "Green", "£180,500", "Amber", "Return not received",
          "Worsened", "Empty homes brought back into use", "Red");
      assertThat(document.getTables().get(0).getRow(0).isRepeatHeader()).isTrue();
      String paragraphs = String.join("\n", document.getParagraphs().stream().map(XWPFParagraph::getText).toList());
      assertThat(paragraphs).contains("Jobs <b>up</b> & costs down.").contains("Second paragraph, with £ and ’quotes’.")
          .contains("Version 2").contains("Fewer homes than hoped.");
      assertThat(document.getProperties().getCoreProperties().getTitle()).contains("Jan-Mar 2024");
    }
  }

  @Test
  void theWorkbookHasOneRowPerObjectiveAndKpiPerQuarter() throws Exception {
    byte[] xlsx = new ExcelPack().render(pack);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> rows = new ArrayList<>();
      for (Row row : workbook.getSheet("KPIs")) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        rows.add(cells);
      }
      assertThat(rows.get(0)).containsExactly("Period", "Quarter", "Objective id", "Objective", "KPI id", "KPI", "Target",
          "Achieved", "Status", "Progress to date");
      assertThat(rows).contains(
          List.of("2023-24 Q4", "Jan-Mar 2024", "growth", "Business growth", "new-jobs", "No of new jobs created", "400", "412",
              "Green", "Ahead of plan"),
          List.of("2023-24 Q4", "Jan-Mar 2024", "growth", "Business growth", "grants", "Grant spent", "£250,000", "£180,500",
              "Amber", "Slow claims\nfrom two firms"),
          List.of("2023-24 Q3", "Oct-Dec 2023", "growth", "Business growth", "new-jobs", "No of new jobs created", "400", "350",
              "Amber", ""));
      assertThat(rows).hasSize(1 + 2 + 1 + 1);
      assertThat(workbook.getSheet("Objectives").getRow(3).getCell(7).getStringCellValue()).isEqualTo("received");
      List<String> skills = new ArrayList<>();
      workbook.getSheet("Objectives").getRow(4).forEach(c -> skills.add(c.getStringCellValue()));
      assertThat(skills).contains("skills", "not received");
    }
  }
}
