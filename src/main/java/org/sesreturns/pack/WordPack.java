package org.sesreturns.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
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

  byte[] render(Pack pack) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFStyles styles = doc.createStyles();
      styles.setSpellingLanguage("en-GB");
      heading(styles, "Title", "Title", 0, 48);
      heading(styles, "Heading1", "heading 1", 1, 32);
      heading(styles, "Heading2", "heading 2", 2, 24);
      var properties = doc.getProperties().getCoreProperties();
      properties.setTitle(pack.strategy() + ": performance report " + pack.quarter());
      properties.setSubjectProperty("Performance report for " + pack.board() + ", " + pack.quarter() + " (" + pack.period() + ")");
      properties.setCreator(pack.strategy());

      cover(doc, pack);
      summary(doc, pack);
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
    paragraph(doc, "Title", pack.strategy());
    text(doc, "Performance report for " + pack.board(), false);
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

  private static void summary(XWPFDocument doc, Pack pack) {
    paragraph(doc, "Heading1", "Summary");
    paragraph(doc, "Heading2", "Statuses this quarter");
    XWPFTable counts = table(doc, List.of("", "Green", "Amber", "Red"));
    row(counts, List.of("Objectives", str(pack.summary().objectives().green()), str(pack.summary().objectives().amber()),
        str(pack.summary().objectives().red())));
    row(counts, List.of("KPIs", str(pack.summary().kpis().green()), str(pack.summary().kpis().amber()),
        str(pack.summary().kpis().red())));
    paragraph(doc, "Heading2", "Objectives, those whose status worsened first");
    XWPFTable rows = table(doc, List.of("Strategic Objective", "SES Lead", "Previous Status", "Overall Status",
        "Direction of travel"));
    for (Pack.SummaryRow r : pack.summary().rows()) {
      XWPFTableRow row = row(rows, List.of(r.objective(), r.sesLead(), nonNull(r.previousStatus()),
          r.received() ? r.overallStatus() : "Return not received", nonNull(r.direction())));
      shade(row.getCell(2), r.previousStatus());
      shade(row.getCell(3), r.overallStatus());
    }
  }

  private static void section(XWPFDocument doc, Pack.Section s) {
    XWPFParagraph title = paragraph(doc, "Heading1", s.objective());
    title.setPageBreak(true);
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
      List<Pack.Quarter> quarters = s.trendQuarters();
      List<String> headings = new ArrayList<>(List.of("Key Performance Indicator"));
      quarters.forEach(q -> headings.add(q.label()));
      XWPFTable trend = table(doc, headings);
      for (Pack.Trend t : s.trends()) {
        List<String> cells = new ArrayList<>(List.of(t.kpi()));
        for (Pack.Quarter q : quarters) {
          Pack.Point p = t.at(q.period());
          // the figure, and under it a bar of blocks against the largest figure shown (one block per 10%)
          cells.add(p == null ? "" : p.figure() + "\n" + "\u2588".repeat(Math.max(p.share() / 10, p.share() > 0 ? 1 : 0)));
        }
        row(trend, cells);
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
  private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints) {
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
    XWPFStyle xwpfStyle = new XWPFStyle(style);
    xwpfStyle.setType(STStyleType.PARAGRAPH);
    styles.addStyle(xwpfStyle);
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    p.createRun().setText(text);
    return p;
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
