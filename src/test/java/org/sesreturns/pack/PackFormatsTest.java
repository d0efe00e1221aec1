package org.sesreturns.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.catalogue.KpiType;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The three formats of a pack, read back with the libraries a reader's software stands on: PDFBox
 * finds the text, the tags (PDF/UA) and only embedded fonts; Apache POI finds Word headings and
 * tables, and the workbook's rows. Typed markup arrives as text in each.
 */
class PackFormatsTest {

  private static final String EXECUTIVE_SUMMARY = "Eight of eleven objectives are on track; housing worsened.";
  private static final String COMMENTARY = "Jobs <b>up</b> & costs down.\nSecond paragraph, with £ and ’quotes’.";

  private final Pack pack = new Pack("Sefton Economic Strategy", "Sefton Economic Strategy Board", "2023-24 Q4",
      "Jan-Mar 2024", "2023-24", "Thursday 25 April 2024", 2, false,
      new Pack.Summary(List.of(EXECUTIVE_SUMMARY, "The grant programme is behind; the board is asked to note it."), List.of(
          new Pack.SummaryRow("housing", "Places & housing", "Stuart Barnes", "Green", "Amber", "Worsened", true),
          new Pack.SummaryRow("growth", "Business growth", "Stuart Barnes", "Amber", "Green", "Improved", true),
          new Pack.SummaryRow("skills", "Skills", "Lee Payne", "Red", null, null, false)),
          new Pack.Counts(1, 1, 0), new Pack.Counts(2, 1, 1),
          List.of(new Pack.Concern("growth", "Business growth", "Mike Mullin", "Green",
                  List.of(new Pack.ConcernKpi("Grant spent", "£250,000", "£180,500.50", "Amber", "Green", "Slow claims\nfrom two firms")),
                  List.of("Jobs <b>up</b> & costs down.")),
              new Pack.Concern("housing", "Places & housing", "Claire Maguire", "Amber",
                  List.of(new Pack.ConcernKpi("Empty homes brought back into use", "50", "31", "Red", null, "Behind")),
                  List.of("Fewer homes than hoped.")))),
      List.of(
          new Pack.Section("growth", "Business growth", "Stuart Barnes", "Mike Mullin", "Jan-Mar 2024", "Amber", "Green", true,
              List.of(new Pack.Row("new-jobs", "No of new jobs created", null, "400", "412", "Green", "Ahead of plan",
                  KpiType.COUNT, new BigDecimal("400"), new BigDecimal("412")),
                  new Pack.Row("grants", "Grant spent", null, "£250,000", "£180,500.50", "Amber", "Slow claims\nfrom two firms",
                      KpiType.CURRENCY, new BigDecimal("250000"), new BigDecimal("180500.50"))),
              List.of("Jobs <b>up</b> & costs down.", "Second paragraph, with £ and ’quotes’."),
              List.of(new Pack.Trend("No of new jobs created", KpiType.COUNT, new BigDecimal("400"), "400",
                  List.of(new Pack.Point("2023-24 Q3", "Oct-Dec 2023", 350, "350", "Amber"),
                      new Pack.Point("2023-24 Q4", "Jan-Mar 2024", 412, "412", "Green"))),
                  new Pack.Trend("Grant spent", KpiType.CURRENCY, new BigDecimal("250000"), "£250,000",
                      List.of(new Pack.Point("2023-24 Q3", "Oct-Dec 2023", 120000, "£120,000", "Red"),
                          new Pack.Point("2023-24 Q4", "Jan-Mar 2024", 180500.5, "£180,500.50", "Amber")))),
              List.of(new Pack.Earlier("2023-24 Q3", "Oct-Dec 2023", "Amber",
                  List.of(new Pack.Row("new-jobs", "No of new jobs created", null, "400", "350", "Amber", null,
                      KpiType.COUNT, new BigDecimal("400"), new BigDecimal("350")))))),
          new Pack.Section("housing", "Places & housing", "Stuart Barnes", "Claire Maguire", "Jan-Mar 2024", "Green", "Amber",
              true, List.of(new Pack.Row("homes", "Empty homes brought back into use", null, "50", "31", "Red", "Behind",
                  KpiType.COUNT, new BigDecimal("50"), new BigDecimal("31")),
                  new Pack.Row("occupied", "Council homes occupied", null, "90%", "87.5%", "Amber", null,
                      KpiType.PERCENTAGE, new BigDecimal("90"), new BigDecimal("87.5")),
                  Pack.Row.text("plan", "Local plan adopted", null, "Adopted by March", "Examination in May", "Amber",
                      "The inspector asked for more sites")),
              List.of("Fewer homes than hoped."), List.of(), List.of()),
          new Pack.Section("skills", "Skills", "Lee Payne", "Pat Lead", "Jan-Mar 2024", "Red", null, false,
              List.of(new Pack.Row("apprentices", "Apprentices starting", null, "40", null, "", null, KpiType.COUNT,
                  new BigDecimal("40"), null)), List.of(), List.of(),
              List.of())),
      new Catalogue.Branding("Sefton Council", "#00539f", logo()));

  /** A council's logo: a PNG of 240 by 80 pixels. */
  static Catalogue.Logo logo() {
    var image = new java.awt.image.BufferedImage(240, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 240, 80);
    g.setColor(new java.awt.Color(0x00539f));
    g.fillOval(10, 10, 60, 60);
    g.dispose();
    try (var out = new java.io.ByteArrayOutputStream()) {
      javax.imageio.ImageIO.write(image, "png", out);
      return new Catalogue.Logo("image/png", out.toByteArray(), 240, 80);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The pack's HTML as the application renders it: with or without its cover and summary. */
  static String html(Pack pack, boolean front, java.util.Map<String, Integer> pages) {
    return html(pack, front, pages, false, PackCharts.InTemplate.forWeb());
  }

  /** The same, for a part of the PDF, whose charts it draws itself. */
  static String html(Pack pack, boolean front, java.util.Map<String, Integer> pages, boolean countPages,
      PackCharts.InTemplate charts) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine.process("pack", PackService.templateContext(pack, front, pages, countPages, charts));
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
          .contains("No of new jobs created", "412", "Grant spent", "£180,500.50", "Slow claims from two firms")
          .contains("Empty homes brought back into use", "Worsened", "Improved")
          .contains("Jobs <b>up</b> & costs down.", "Second paragraph, with £ and ’quotes’.")
          .contains("Return not received");
      // the earlier quarters' figures are in the charts, drawn as shapes: their words are the
      // figures' alternative text (below), not text read out of place among the commentary
      assertThat(text).doesNotContain("Oct-Dec 2023");
      // the summary reads first: what worsened leads
      assertThat(text.indexOf("Places & housing Stuart Barnes Green Amber Worsened")).isPositive()
          .isLessThan(text.indexOf("Business growth Stuart Barnes Amber Green Improved"));

      // the contents give each part's page; the exceptions come before the sections
      int pages = document.getNumberOfPages();
      // the executive summary first after the cover
      assertThat(pageText(document, 2)).contains("Executive summary", EXECUTIVE_SUMMARY);
      String contents = pageText(document, 3);
      assertThat(contents).contains("Contents", "Executive summary 2", "Summary 4",
          "Exceptions: KPIs at Red or worse than last quarter 5", "Places & housing 7", "Business growth 6", "Skills 8");
      assertThat(pageText(document, 5)).contains("Exceptions", "Empty homes brought back into use 50 31 Red Red Behind",
          "Grant spent £250,000 £180,500.50 Amber Worse: Green to Amber", "Fewer homes than hoped.");
      assertThat(pageText(document, 6)).contains("Strategic Objective Business growth");
      // a running header on every page after the cover, "page N of M" on every page
      assertThat(pageText(document, 1)).contains("Page 1 of " + pages)
          .doesNotContain("Sefton Economic Strategy \u00b7 Jan-Mar 2024 (2023-24 Q4) \u00b7 Version 2");
      for (int page = 2; page <= pages; page++) {
        assertThat(pageText(document, page)).contains("Sefton Economic Strategy \u00b7 Jan-Mar 2024 (2023-24 Q4) \u00b7 Version 2",
            "Page " + page + " of " + pages);
      }
      // the outline lists the parts, for the reader's bookmarks panel
      List<String> outline = new ArrayList<>();
      for (var item = document.getDocumentCatalog().getDocumentOutline().getFirstChild(); item != null;
          item = item.getNextSibling()) {
        outline.add(item.getTitle());
      }
      assertThat(outline).containsExactly("Executive summary", "Contents", "Summary", "Exceptions", "Business growth", "Places & housing", "Skills");

      // the charts, drawn as vectors (no image in the file), each a figure with its words for
      // screen readers: the quarter's spread of statuses, then one per numeric KPI over time
      List<String> figures = new ArrayList<>();
      figures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), figures);
      assertThat(figures).containsExactly("Sefton Council logo", "Statuses this quarter. Objectives: 1 Green, 1 Amber, 0 Red. KPIs: 2 Green, 1 Amber, 1 Red.",
          "No of new jobs created over the last 2 quarters: Oct-Dec 2023 350 (Amber); Jan-Mar 2024 412 (Green); target 400.",
          "Grant spent over the last 2 quarters: Oct-Dec 2023 £120,000 (Red); Jan-Mar 2024 £180,500.50 (Amber); target £250,000.");
      List<String> pictures = new ArrayList<>();
      List<Integer> drawn = new ArrayList<>();
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        var resources = document.getPage(i).getResources();
        for (var name : resources.getXObjectNames()) {
          var object = resources.getXObject(name);
          if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
            pictures.add((i + 1) + ": " + image.getWidth() + "x" + image.getHeight());
          } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
              && form.getContentStream().getLength() > 1000) {
            // a chart's drawing: bars, axes and labels as shapes
            drawn.add(i + 1);
          }
        }
      }
      assertThat(drawn).as("the pages each chart is drawn on: the summary's, then Business growth's two")
          .containsExactly(4, 6, 6);
      assertThat(pictures).as("the only picture is the council's logo, on the cover; the charts are vectors")
          .containsExactly("1: 240x80");
      // the cover: the council's name, and the title on its colour
      assertThat(pageText(document, 1)).contains("Sefton Council", "PERFORMANCE REPORT", "Sefton Economic Strategy",
          "For Sefton Economic Strategy Board", "Published by Sefton Council");
    }
  }

  /** The alternative text of every figure in the structure tree, in reading order. */
  private static void figures(List<Object> kids, List<String> alts) {
    for (Object kid : kids) {
      if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement element) {
        if ("Figure".equals(element.getStructureType())) {
          alts.add(element.getAlternateDescription());
        }
        figures(element.getKids(), alts);
      }
    }
  }

  private static String pageText(PDDocument document, int page) throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
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
      // the contents give the page of a section of the second part, where it begins
      int contentsPage = 3; // after the cover and the executive summary
      String contents = pageText(document, contentsPage) + pageText(document, contentsPage + 1)
          + pageText(document, contentsPage + 2);
      var entry = java.util.regex.Pattern.compile("Objective " + firstOfPartTwo + ": growing jobs, skills and places across the borough (\\d+)")
          .matcher(contents);
      assertThat(entry.find()).as(contents).isTrue();
      assertThat(pageText(document, Integer.parseInt(entry.group(1))))
          .contains("Strategic Objective Objective " + firstOfPartTwo + ": growing jobs");
      // and its link goes there, though the section was rendered in another part than the contents
      List<Integer> linked = new ArrayList<>();
      // (nor does any link of the summary and the exceptions, which name objectives of every part)
      for (int p = 0; p < pages; p++) {
        for (var annotation : document.getPage(p).getAnnotations()) {
          if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link) {
            assertThat(link.getAction()).as("no link leaves the pack")
                .isNotInstanceOf(org.apache.pdfbox.pdmodel.interactive.action.PDActionURI.class);
            if (link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo goTo
                && goTo.getDestination() instanceof org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination d) {
              linked.add(document.getPages().indexOf(d.getPage()) + 1);
            }
          }
        }
      }
      assertThat(linked).contains(Integer.parseInt(entry.group(1)));
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
      assertThat(headings).containsExactly("Executive summary", "Contents", "Summary", "Exceptions: KPIs at Red or worse than last quarter",
          "Business growth", "Places & housing", "Skills");
      assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
      String tables = String.join(" | ", document.getTables().stream().flatMap(t -> t.getRows().stream())
          .flatMap(r -> r.getTableCells().stream()).map(c -> c.getText()).toList());
      assertThat(tables).contains("No of new jobs created", "412", "Green", "£180,500.50", "Amber", "Return not received",
          "Worsened", "Empty homes brought back into use", "Red");
      assertThat(document.getTables().get(0).getRow(0).isRepeatHeader()).isTrue();
      String paragraphs = String.join("\n", document.getParagraphs().stream().map(XWPFParagraph::getText).toList());
      assertThat(paragraphs).contains("Jobs <b>up</b> & costs down.").contains("Second paragraph, with £ and ’quotes’.")
          .contains("Version 2").contains("Fewer homes than hoped.");
      assertThat(document.getProperties().getCoreProperties().getTitle()).contains("Jan-Mar 2024");

      // A4 with 2 cm margins
      var section = document.getDocument().getBody().getSectPr();
      assertThat(section.getPgSz().getW()).isEqualTo(java.math.BigInteger.valueOf(11906));
      assertThat(section.getPgSz().getH()).isEqualTo(java.math.BigInteger.valueOf(16838));
      assertThat(List.of(section.getPgMar().getTop(), section.getPgMar().getBottom(), section.getPgMar().getLeft(),
          section.getPgMar().getRight())).allSatisfy(m -> assertThat(m).isEqualTo(java.math.BigInteger.valueOf(1134)));
      // a running header and "Page N of M" from Word's own fields, on every page but the cover
      var policy = document.getHeaderFooterPolicy();
      assertThat(policy.getDefaultHeader().getText()).contains("Sefton Economic Strategy \u00b7 Jan-Mar 2024 (2023-24 Q4) \u00b7 Version 2");
      var footer = policy.getDefaultFooter().getParagraphs().get(0).getCTP();
      assertThat(footer.getFldSimpleList()).extracting(f -> f.getInstr().strip().split(" ")[0]).containsExactly("PAGE", "NUMPAGES");
      assertThat(policy.getDefaultFooter().getText()).contains("Page").contains("of");
      assertThat(policy.getFirstPageHeader().getText()).isBlank();
      // the contents link to each part's heading
      List<String> anchors = new ArrayList<>();
      for (XWPFParagraph p : document.getParagraphs()) {
        p.getCTP().getHyperlinkList().forEach(h -> anchors.add(h.getAnchor()));
      }
      List<String> bookmarks = new ArrayList<>();
      for (XWPFParagraph p : document.getParagraphs()) {
        p.getCTP().getBookmarkStartList().forEach(b -> bookmarks.add(b.getName()));
      }
      assertThat(anchors).hasSize(6).allSatisfy(a -> assertThat(bookmarks).contains(a));
      // the exceptions: each KPI at Red or worse, with the lead's commentary
      assertThat(tables).contains("Empty homes brought back into use | 50 | 31 | Red | Red | Behind")
          .contains("Grant spent | £250,000 | £180,500.50 | Amber | Worse: Green to Amber");
      // a chart per numeric KPI over the quarters, and the quarter's spread of statuses: pictures
      // with their words as alternative text
      List<String> charts = new ArrayList<>();
      for (XWPFParagraph p : document.getParagraphs()) {
        for (var run : p.getRuns()) {
          for (var drawing : run.getCTR().getDrawingList()) {
            drawing.getInlineList().forEach(i -> charts.add(i.getDocPr().getDescr()));
          }
        }
      }
      // the cover: the council's logo and name, the title on its colour in white
      assertThat(document.getAllPictures()).anySatisfy(p -> assertThat(p.getData()).isEqualTo(pack.branding().logo().bytes()));
      XWPFParagraph title = document.getParagraphs().stream().filter(p -> "Title".equals(p.getStyle())).findFirst().orElseThrow();
      assertThat(title.getText()).isEqualTo("Sefton Economic Strategy");
      assertThat(title.getCTP().getPPr().getShd().xgetFill().getStringValue()).isEqualTo("00539F");
      assertThat(title.getRuns().get(0).getColor()).isEqualTo("FFFFFF");
      assertThat(paragraphs).contains("Sefton Council");
      assertThat(document.getProperties().getCoreProperties().getCreator()).isEqualTo("Sefton Council");
      assertThat(charts).containsExactly("Sefton Council logo", "Statuses this quarter. Objectives: 1 Green, 1 Amber, 0 Red. KPIs: 2 Green, 1 Amber, 1 Red.",
          "No of new jobs created over the last 2 quarters: Oct-Dec 2023 350 (Amber); Jan-Mar 2024 412 (Green); target 400.",
          "Grant spent over the last 2 quarters: Oct-Dec 2023 £120,000 (Red); Jan-Mar 2024 £180,500.50 (Amber); target £250,000.");
      assertThat(document.getAllPictures()).hasSize(4);
      assertThat(document.getAllPictures()).filteredOn(p -> !java.util.Arrays.equals(p.getData(), pack.branding().logo().bytes()))
          .hasSize(3).allSatisfy(picture -> {
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(picture.getData()));
        assertThat(image.getWidth()).as("drawn at one and a half times its size, sharp in print").isGreaterThanOrEqualTo(PackCharts.SPREAD_WIDTH * 3 / 2);
      });
    }
  }

  @Test
  void theWebPackDrawsEachNumericKpiAgainstItsTargetAndTheQuartersSpread() {
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html(pack, true, java.util.Map.of()));
    // the cover: the council's logo, name and colour
    assertThat(page.select(".cover img.logo").attr("alt")).isEqualTo("Sefton Council logo");
    assertThat(page.select(".cover img.logo").attr("src")).startsWith("data:image/png;base64,");
    assertThat(page.select(".cover .organisation").text()).isEqualTo("Sefton Council");
    assertThat(page.select("head style").last().data()).contains(".cover .band { background-color: #00539f; }");
    var charts = page.select("figure.chart svg");
    assertThat(charts).hasSize(3);
    assertThat(charts).allSatisfy(svg -> {
      assertThat(svg.attr("role")).isEqualTo("img");
      assertThat(svg.attr("viewBox")).isNotBlank();
      assertThat(svg.selectFirst("title")).isNotNull();
    });
    assertThat(page.select("section#growth figure.chart figcaption").eachText()).containsExactly(
        "No of new jobs created, against its target of 400", "Grant spent, against its target of £250,000");
    // each bar in its quarter's status colour (the word beside it in the table below)
    String grants = page.select("section#growth figure.chart svg").get(1).outerHtml();
    assertThat(grants).contains("rgb(198,40,40)", "rgb(184,110,0)");
    // and each quarter's status in words under it
    assertThat(page.select("section#growth figure.chart svg").get(0).select("text").eachText())
        .contains("Oct-Dec 2023 Amber", "Jan-Mar 2024 Green", "350", "412", "Target 400");
  }

  @Test
  void theWorkbookHasOneRowPerObjectiveAndKpiPerQuarter() throws Exception {
    byte[] xlsx = new ExcelPack().render(pack);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter shown = new DataFormatter(java.util.Locale.UK);
      List<List<String>> rows = new ArrayList<>();
      for (Row row : workbook.getSheet("KPIs")) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(shown.formatCellValue(c)));
        rows.add(cells);
      }
      assertThat(rows.get(0)).containsExactly("Period", "Quarter", "Objective id", "Objective", "KPI id", "KPI", "Target",
          "Achieved", "Status", "Progress to date");
      // as the reader's spreadsheet shows them
      assertThat(rows).contains(
          List.of("2023-24 Q4", "Jan-Mar 2024", "growth", "Business growth", "new-jobs", "No of new jobs created", "400", "412",
              "Green", "Ahead of plan"),
          List.of("2023-24 Q4", "Jan-Mar 2024", "growth", "Business growth", "grants", "Grant spent", "£250,000", "£180,500.50",
              "Amber", "Slow claims\nfrom two firms"),
          List.of("2023-24 Q4", "Jan-Mar 2024", "housing", "Places & housing", "occupied", "Council homes occupied", "90%",
              "87.5%", "Amber", ""),
          List.of("2023-24 Q4", "Jan-Mar 2024", "housing", "Places & housing", "plan", "Local plan adopted",
              "Adopted by March", "Examination in May", "Amber", "The inspector asked for more sites"),
          List.of("2023-24 Q3", "Oct-Dec 2023", "growth", "Business growth", "new-jobs", "No of new jobs created", "400", "350",
              "Amber", ""));
      assertThat(rows).hasSize(1 + 2 + 1 + 3);

      // figures are numbers a formula computes with, text stays text
      Sheet kpis = workbook.getSheet("KPIs");
      Row jobs = find(kpis, "2023-24 Q4", "new-jobs");
      assertThat(jobs.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(jobs.getCell(7).getNumericCellValue()).isEqualTo(412);
      Row grants = find(kpis, "2023-24 Q4", "grants");
      assertThat(grants.getCell(7).getNumericCellValue()).isEqualTo(180500.5);
      assertThat(grants.getCell(7).getCellStyle().getDataFormatString()).contains("£").contains("#,##0.00");
      Row occupied = find(kpis, "2023-24 Q4", "occupied");
      assertThat(occupied.getCell(7).getNumericCellValue()).isEqualTo(0.875);
      assertThat(occupied.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      assertThat(occupied.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0%");
      Row plan = find(kpis, "2023-24 Q4", "plan");
      assertThat(plan.getCell(6).getCellType()).isEqualTo(CellType.STRING);
      assertThat(plan.getCell(7).getCellType()).isEqualTo(CellType.STRING);

      // each status on its colour, the word kept
      assertThat(fill(jobs.getCell(8))).isEqualTo("C6EFCE");
      assertThat(fill(grants.getCell(8))).isEqualTo("FFEB9C");
      assertThat(fill(find(kpis, "2023-24 Q4", "homes").getCell(8))).isEqualTo("FFC7CE");
      assertThat(fill(workbook.getSheet("Objectives").getRow(1).getCell(6))).isEqualTo("C6EFCE");
      // columns fit their titles; long texts wrap
      assertThat(kpis.getColumnWidth(5)).isGreaterThan(40 * 256);
      assertThat(find(kpis, "2023-24 Q4", "grants").getCell(9).getCellStyle().getWrapText()).isTrue();
      assertThat(kpis.getPaneInformation().isFreezePane()).isTrue();

      // the summary sheet opens the workbook: the executive summary, the counts as numbers
      Sheet summary = workbook.getSheetAt(0);
      assertThat(summary.getSheetName()).isEqualTo("Summary");
      List<String> lines = new ArrayList<>();
      summary.forEach(row -> lines.add(shown.formatCellValue(row.getCell(0))));
      assertThat(lines).contains("Sefton Economic Strategy", "Executive summary", EXECUTIVE_SUMMARY);
      Row objectiveCounts = null;
      for (Row row : summary) {
        if ("Objectives".equals(shown.formatCellValue(row.getCell(0)))) {
          objectiveCounts = row;
        }
      }
      assertThat(objectiveCounts).isNotNull();
      assertThat(objectiveCounts.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(objectiveCounts.getCell(1).getNumericCellValue()).isEqualTo(1);

      assertThat(workbook.getSheet("Objectives").getRow(3).getCell(7).getStringCellValue()).isEqualTo("received");
      List<String> skills = new ArrayList<>();
      workbook.getSheet("Objectives").getRow(4).forEach(c -> skills.add(c.getStringCellValue()));
      assertThat(skills).contains("skills", "not received");
    }
  }

  private static Row find(Sheet sheet, String period, String kpiId) {
    for (Row row : sheet) {
      if (row.getCell(0).getStringCellValue().equals(period) && row.getCell(4).getStringCellValue().equals(kpiId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + kpiId + " in " + period);
  }

  private static String fill(Cell cell) {
    XSSFColor colour = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
    return colour == null ? null : colour.getARGBHex().substring(2);
  }
}
