package org.sesreturns.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.util.Units;
import org.sesreturns.catalogue.Catalogue;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;

/**
 * The pack as a Word document with the same content as the PDF, in real Word headings (Heading 1
 * and 2, so the navigation pane and a table of contents work) and tables a person can edit, each
 * table's header row repeated on every page. Statuses are words in coloured cells.
 */
@Component
class WordPack {

  private static final Map<String, String> COLOURS = Map.of("Green", "C8E6C9", "Amber", "FFE0B2", "Red", "FFCDD2");
  private static final String HEADER_FILL = "E8EBEF";
  private static final String EXCEPTIONS = "Exceptions: KPIs at Red or worse than last quarter";
  /** A4 in twentieths of a point, and margins of 2 cm. */
  private static final int A4_WIDTH = 11906;
  private static final int A4_HEIGHT = 16838;
  private static final int MARGIN = 1134;
  private static final double EMU_PER_MM = 36000;

  byte[] render(Pack pack) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFStyles styles = doc.createStyles();
      styles.setSpellingLanguage("en-GB");
      String colour = pack.branding().hex();
      heading(styles, "Title", "Title", 0, 48, "FFFFFF");
      heading(styles, "Heading1", "heading 1", 1, 32, colour);
      heading(styles, "Heading2", "heading 2", 2, 24, colour);
      var properties = doc.getProperties().getCoreProperties();
      properties.setTitle(pack.strategy() + ": performance report " + pack.quarter());
      properties.setSubjectProperty("Performance report for " + pack.board() + ", " + pack.quarter() + " (" + pack.period() + ")");
      properties.setCreator(pack.publisher());

      page(doc, pack);
      cover(doc, pack);
      executive(doc, pack);
      contents(doc, pack);
      summary(doc, pack);
      exceptions(doc, pack);
      for (Pack.Section section : pack.sections()) {
        section(doc, section);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the pack could not be written as a Word document", e);
    }
  }

  private static void cover(XWPFDocument doc, Pack pack) {
    Catalogue.Branding branding = pack.branding();
    if (branding.logo() != null) {
      Catalogue.Logo logo = branding.logo();
      XWPFRun run = doc.createParagraph().createRun();
      try (var in = new java.io.ByteArrayInputStream(logo.bytes())) {
        run.addPicture(in, "image/png".equals(logo.mediaType()) ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG,
            "logo", (int) Math.round(logo.coverWidthMm() * EMU_PER_MM), (int) Math.round(logo.coverHeightMm() * EMU_PER_MM));
      } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new UncheckedIOException(new IOException("the logo could not be placed in the Word pack", e));
      }
      run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(pack.publisher() + " logo");
    }
    if (branding.organisation() != null) {
      text(doc, branding.organisation(), true);
    }
    // the title on the organisation's colour, as the PDF's cover band
    banded(doc, null, "PERFORMANCE REPORT", branding.hex(), 24);
    banded(doc, "Title", pack.strategy(), branding.hex(), 0);
    banded(doc, null, pack.quarter() + " (" + pack.period() + ")", branding.hex(), 28);
    text(doc, "For " + pack.board(), false);
    if (pack.draft()) {
      text(doc, "Draft: returns are still being collected; this is not the pack presented to the board.", true);
    }
    text(doc, "Quarter: " + pack.quarter() + " (" + pack.period() + ")", false);
    text(doc, "Financial year: " + pack.financialYear(), false);
    text(doc, "Board: " + pack.board(), false);
    text(doc, "Meeting: " + pack.boardMeeting(), false);
    text(doc, "Pack version: " + (pack.draft() ? "Draft" : "Version " + pack.version()), false);
    doc.getLastParagraph().createRun().addBreak(BreakType.PAGE);
  }

  /**
   * A4 with 2 cm margins, as a council prints; on every page but the cover a header naming the
   * strategy, quarter and version, and a footer with "Page N of M" (Word's own fields, so the
   * numbers follow any edit).
   */
  private static void page(XWPFDocument doc, Pack pack) {
    CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(A4_WIDTH));
    size.setH(BigInteger.valueOf(A4_HEIGHT));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(MARGIN));
    margins.setBottom(BigInteger.valueOf(MARGIN));
    margins.setLeft(BigInteger.valueOf(MARGIN));
    margins.setRight(BigInteger.valueOf(MARGIN));
    margins.setHeader(BigInteger.valueOf(MARGIN / 2));
    margins.setFooter(BigInteger.valueOf(MARGIN / 2));
    margins.setGutter(BigInteger.ZERO);
    // the cover's own (empty) header and footer: a title page carries no running header
    section.addNewTitlePg();
    doc.createHeader(HeaderFooterType.FIRST).createParagraph();
    doc.createFooter(HeaderFooterType.FIRST).createParagraph();

    XWPFParagraph header = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
    header.setAlignment(ParagraphAlignment.RIGHT);
    small(header.createRun()).setText(pack.runningHeader());
    XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
    footer.setAlignment(ParagraphAlignment.CENTER);
    small(footer.createRun()).setText("Page ");
    field(footer, "PAGE", "1");
    small(footer.createRun()).setText(" of ");
    field(footer, "NUMPAGES", "1");
  }

  private static void field(XWPFParagraph paragraph, String instruction, String shown) {
    CTSimpleField field = paragraph.getCTP().addNewFldSimple();
    field.setInstr(instruction + " \\* MERGEFORMAT");
    CTR run = field.addNewR();
    run.addNewRPr().addNewSz().setVal(BigInteger.valueOf(16));
    run.addNewT().setStringValue(shown);
  }

  private static XWPFRun small(XWPFRun run) {
    run.setFontSize(8);
    run.setColor("444444");
    return run;
  }

  /** The coordinators' executive summary, first after the cover, when they wrote one. */
  private static void executive(XWPFDocument doc, Pack pack) {
    if (pack.summary().executive().isEmpty()) {
      return;
    }
    bookmark(paragraph(doc, "Heading1", "Executive summary"), "executive");
    pack.summary().executive().forEach(p -> text(doc, p, false));
    doc.getLastParagraph().createRun().addBreak(BreakType.PAGE);
  }

  /**
   * The contents: a link to each part of the pack (Word's navigation pane lists the same
   * headings). Links rather than a table-of-contents field, which Word would only fill after
   * asking the reader to update the document.
   */
  private static void contents(XWPFDocument doc, Pack pack) {
    paragraph(doc, "Heading1", "Contents");
    if (!pack.summary().executive().isEmpty()) {
      link(doc, "Executive summary", "executive");
    }
    link(doc, "Summary", "summary");
    link(doc, EXCEPTIONS, "exceptions");
    for (Pack.Section s : pack.sections()) {
      link(doc, s.objective(), "objective-" + s.objectiveId());
    }
    doc.getLastParagraph().createRun().addBreak(BreakType.PAGE);
  }

  private static void link(XWPFDocument doc, String text, String anchor) {
    XWPFParagraph p = doc.createParagraph();
    CTHyperlink link = p.getCTP().addNewHyperlink();
    link.setAnchor(bookmarkName(anchor));
    XWPFHyperlinkRun run = new XWPFHyperlinkRun(link, link.addNewR(), p);
    run.setText(text);
    run.setColor("1F4E79");
    run.setUnderline(UnderlinePatterns.SINGLE);
  }

  /** Word's bookmark names are at most 40 characters, letters, digits and underscores. */
  static String bookmarkName(String anchor) {
    String name = "_" + anchor.replaceAll("[^A-Za-z0-9]", "_");
    return name.length() <= 40 ? name : name.substring(0, 31) + "_" + Integer.toHexString(anchor.hashCode());
  }

  private static void bookmark(XWPFParagraph paragraph, String anchor) {
    CTBookmark start = paragraph.getCTP().addNewBookmarkStart();
    BigInteger id = BigInteger.valueOf(paragraph.getDocument().getParagraphs().size());
    start.setName(bookmarkName(anchor));
    start.setId(id);
    paragraph.getCTP().addNewBookmarkEnd().setId(id);
  }

  private static void summary(XWPFDocument doc, Pack pack) {
    bookmark(paragraph(doc, "Heading1", "Summary"), "summary");
    paragraph(doc, "Heading2", "Statuses this quarter");
    XWPFTable counts = table(doc, List.of("", "Green", "Amber", "Red"));
    row(counts, List.of("Objectives", str(pack.summary().objectives().green()), str(pack.summary().objectives().amber()),
        str(pack.summary().objectives().red())));
    row(counts, List.of("KPIs", str(pack.summary().kpis().green()), str(pack.summary().kpis().amber()),
        str(pack.summary().kpis().red())));
    if (pack.summary().kpis().total() > 0) {
      chart(doc, PackCharts.png(PackCharts.spread(pack.summary().objectives(), pack.summary().kpis()),
          PackCharts.SPREAD_WIDTH, PackCharts.SPREAD_HEIGHT), PackCharts.SPREAD_WIDTH, PackCharts.SPREAD_HEIGHT,
          "Statuses this quarter", pack.summary().statusWords());
    }
    paragraph(doc, "Heading2", "Objectives, those whose status worsened first");
    XWPFTable rows = table(doc, List.of("Strategic Objective", "SES Lead", "Previous Status", "Overall Status",
        "Direction of travel"));
    for (Pack.SummaryRow r : pack.summary().worsenedFirst()) {
      XWPFTableRow row = row(rows, List.of(r.objective(), r.sesLead(), nonNull(r.previousStatus()),
          r.received() ? r.overallStatus() : "Return not received", nonNull(r.direction())));
      shade(row.getCell(2), r.previousStatus());
      shade(row.getCell(3), r.overallStatus());
    }
  }

  /** The KPIs at Red or worse than before, by objective, with their notes and the lead's commentary. */
  private static void exceptions(XWPFDocument doc, Pack pack) {
    XWPFParagraph title = paragraph(doc, "Heading1", EXCEPTIONS);
    title.setPageBreak(true);
    bookmark(title, "exceptions");
    if (pack.summary().exceptions().isEmpty()) {
      text(doc, "No KPI is at Red or worse than in its previous return.", false);
    }
    for (Pack.Concern c : pack.summary().exceptions()) {
      paragraph(doc, "Heading2", c.objective());
      text(doc, "Project lead " + c.projectLead() + "; overall status " + nonNull(c.overallStatus()), false);
      XWPFTable kpis = table(doc, List.of("Key Performance Indicator", "Target", "Achieved", "Status", "Why it is here",
          "Progress to date"));
      for (Pack.ConcernKpi k : c.kpis()) {
        XWPFTableRow row = row(kpis, List.of(k.kpi(), nonNull(k.target()), nonNull(k.achieved()), nonNull(k.status()),
            k.reason(), nonNull(k.progress())));
        shade(row.getCell(3), k.status());
      }
      for (String p : c.commentary()) {
        text(doc, p, false);
      }
    }
  }

  private static void section(XWPFDocument doc, Pack.Section s) {
    XWPFParagraph title = paragraph(doc, "Heading1", s.objective());
    title.setPageBreak(true);
    bookmark(title, "objective-" + s.objectiveId());
    XWPFTable header = doc.createTable(3, 4);
    cells(header.getRow(0), "Strategic Objective", s.objective(), "SES Lead", s.sesLead());
    cells(header.getRow(1), "Report Date", s.reportDate(), "SES Project lead", s.projectLead());
    cells(header.getRow(2), "Previous Status", nonNull(s.previousStatus()), "Overall Status",
        s.received() ? s.overallStatus() : "Return not received");
    shade(header.getRow(2).getCell(1), s.previousStatus());
    shade(header.getRow(2).getCell(3), s.overallStatus());
    for (XWPFTableRow row : header.getRows()) {
      bold(row.getCell(0));
      bold(row.getCell(2));
      row.getCell(0).setColor(HEADER_FILL);
      row.getCell(2).setColor(HEADER_FILL);
    }
    doc.createParagraph();
    XWPFTable kpis = table(doc, List.of("Key Performance Indicators", "Target", "Achieved", "Current Status", "Progress to date"));
    for (Pack.Row k : s.kpis()) {
      XWPFTableRow row = row(kpis, List.of(k.kpi() + (k.baseline() == null ? "" : " (" + k.baseline() + ")"), nonNull(k.target()),
          nonNull(k.achieved()), nonNull(k.status()), nonNull(k.progress())));
      shade(row.getCell(3), k.status());
    }
    if (!s.trends().isEmpty()) {
      paragraph(doc, "Heading2", "Over the last quarters");
      // the section's pictures drawn side by side on the server's cores: drawing is most of a
      // Word pack's time, and a section's few pictures are all the memory it takes
      List<byte[]> pictures = s.trends().parallelStream()
          .map(t -> PackCharts.png(PackCharts.trend(t), PackCharts.TREND_WIDTH, PackCharts.TREND_HEIGHT)).toList();
      for (int i = 0; i < s.trends().size(); i++) {
        Pack.Trend t = s.trends().get(i);
        text(doc, t.kpi() + (t.targetFigure() == null ? ", no target" : ", against its target of " + t.targetFigure()),
            false);
        chart(doc, pictures.get(i), PackCharts.TREND_WIDTH, PackCharts.TREND_HEIGHT, t.kpi(), t.description());
      }
    }
    paragraph(doc, "Heading2", "Commentary");
    if (!s.received()) {
      text(doc, "Return not received: this objective's last status is shown above.", false);
    }
    for (String p : s.commentary()) {
      text(doc, p, false);
    }
  }

  /** A paragraph style Word knows by name, with its outline level (0 for none) so it is a heading. */
  private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints, String colour) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    CTString styleName = CTString.Factory.newInstance();
    styleName.setVal(name);
    style.setName(styleName);
    CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
    priority.setVal(BigInteger.valueOf(level + 9));
    style.setUiPriority(priority);
    style.setQFormat(CTOnOff.Factory.newInstance());
    CTPPrGeneral paragraph = CTPPrGeneral.Factory.newInstance();
    if (level > 0) {
      CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
      outline.setVal(BigInteger.valueOf(level - 1));
      paragraph.setOutlineLvl(outline);
    }
    paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
    paragraph.getSpacing().setAfter(BigInteger.valueOf(120));
    style.setPPr(paragraph);
    var run = style.addNewRPr();
    run.addNewB();
    run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    run.addNewColor().setVal(colour);
    XWPFStyle xwpfStyle = new XWPFStyle(style);
    xwpfStyle.setType(STStyleType.PARAGRAPH);
    styles.addStyle(xwpfStyle);
  }

  /**
   * A chart as a picture in a paragraph of its own, {@code width} CSS pixels wide on the page (as
   * in the PDF), with its description as the alternative text Word reads out.
   */
  private static void chart(XWPFDocument doc, byte[] png, int width, int height, String name, String description) {
    XWPFRun run = doc.createParagraph().createRun();
    try (var in = new java.io.ByteArrayInputStream(png)) {
      run.addPicture(in, Document.PICTURE_TYPE_PNG, name + ".png", Units.pixelToEMU(width), Units.pixelToEMU(height));
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new UncheckedIOException(new IOException("a chart could not be placed in the Word pack", e));
    }
    var inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
    inline.getDocPr().setDescr(description);
    inline.getDocPr().setTitle(name);
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    p.createRun().setText(text);
    return p;
  }

  /** A paragraph of white text on the organisation's colour; {@code halfPoints} 0 keeps the style's size. */
  private static void banded(XWPFDocument doc, String style, String text, String fill, int halfPoints) {
    XWPFParagraph p = doc.createParagraph();
    if (style != null) {
      p.setStyle(style);
    }
    var shading = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    var shd = shading.addNewShd();
    shd.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd.CLEAR);
    shd.setFill(fill);
    p.setSpacingBefore(0);
    p.setSpacingAfter(0);
    XWPFRun run = p.createRun();
    run.setColor("FFFFFF");
    if (halfPoints > 0) {
      run.setFontSize(halfPoints / 2.0);
    }
    run.setText(text);
  }

  private static void text(XWPFDocument doc, String text, boolean bold) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.LEFT);
    XWPFRun run = p.createRun();
    run.setBold(bold);
    run.setText(text);
  }

  /** A table with a header row that repeats on each page. */
  private static XWPFTable table(XWPFDocument doc, List<String> headings) {
    XWPFTable table = doc.createTable(1, headings.size());
    table.setWidth("100%");
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int i = 0; i < headings.size(); i++) {
      XWPFTableCell cell = header.getCell(i);
      set(cell, headings.get(i));
      bold(cell);
      cell.setColor(HEADER_FILL);
    }
    return table;
  }

  private static XWPFTableRow row(XWPFTable table, List<String> values) {
    XWPFTableRow row = table.createRow();
    for (int i = 0; i < values.size(); i++) {
      set(row.getCell(i), values.get(i));
    }
    return row;
  }

  private static void cells(XWPFTableRow row, String... values) {
    for (int i = 0; i < values.length; i++) {
      set(row.getCell(i), values[i]);
    }
  }

  /** A cell's text; line breaks a lead typed stay line breaks. */
  private static void set(XWPFTableCell cell, String value) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    XWPFRun run = p.createRun();
    String[] lines = nonNull(value).split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i]);
    }
  }

  private static void bold(XWPFTableCell cell) {
    cell.getParagraphs().forEach(p -> p.getRuns().forEach(r -> r.setBold(true)));
  }

  private static void shade(XWPFTableCell cell, String status) {
    if (status != null && COLOURS.containsKey(status)) {
      cell.setColor(COLOURS.get(status));
      bold(cell);
    }
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static String str(int value) {
    return Integer.toString(value);
  }
}
