package org.sesreturns.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.sesreturns.catalogue.KpiType;
import org.springframework.stereotype.Component;

/**
 * The pack for analysts: an Excel workbook opening with a summary sheet (the executive summary and
 * the counts by status), then one row per objective and KPI per quarter (this
 * one and the quarters before it that the trends show), and one row per objective per quarter with
 * its overall status. Figures of numeric KPIs are numbers a spreadsheet computes with, formatted
 * as what they are (percentages as percentages, money in pounds); statuses are words on their
 * colour; a filter on each header row, the header frozen, columns wide enough for their titles
 * and long texts wrapped. Written as a stream, so a thousand objectives take little memory.
 */
@Component
class ExcelPack {

  /** A column: its heading and width in characters; long texts wrap within it. */
  private record Column(String heading, int width, boolean wraps) {}

  private static final List<Column> KPI_COLUMNS = List.of(new Column("Period", 11, false),
      new Column("Quarter", 13, false), new Column("Objective id", 14, false), new Column("Objective", 36, true),
      new Column("KPI id", 14, false), new Column("KPI", 48, true), new Column("Target", 12, false),
      new Column("Achieved", 12, false), new Column("Status", 10, false), new Column("Progress to date", 60, true));
  private static final List<Column> OBJECTIVE_COLUMNS = List.of(new Column("Period", 11, false),
      new Column("Quarter", 13, false), new Column("Objective id", 14, false), new Column("Objective", 36, true),
      new Column("SES lead", 20, false), new Column("Project lead", 20, false), new Column("Overall status", 15, false),
      new Column("Return", 16, false), new Column("Commentary", 80, true));
  private static final int TARGET = 6;
  private static final int ACHIEVED = 7;
  private static final int KPI_STATUS = 8;
  private static final int OVERALL_STATUS = 6;
  /** Excel's own light fills for good, neutral and bad, so the words stay readable on them. */
  private static final Map<String, String> FILLS = Map.of("Green", "C6EFCE", "Amber", "FFEB9C", "Red", "FFC7CE");

  byte[] render(Pack pack) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.getXSSFWorkbook().getProperties().getCoreProperties()
          .setTitle(pack.strategy() + ": KPIs " + pack.quarter() + (pack.draft() ? " (draft)" : " (version " + pack.version() + ")"));
      workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator(pack.publisher());
      Styles styles = new Styles(workbook);

      summary(workbook.createSheet("Summary"), pack, styles);
      Sheet kpis = sheet(workbook, "KPIs", KPI_COLUMNS, styles);
      Sheet objectives = sheet(workbook, "Objectives", OBJECTIVE_COLUMNS, styles);
      int kpiRow = 1;
      int objectiveRow = 1;
      for (Pack.Section s : pack.sections()) {
        objective(objectives.createRow(objectiveRow++), styles, pack.period(), pack.quarter(), s.objectiveId(),
            s.objective(), s.sesLead(), s.projectLead(), s.received() ? s.overallStatus() : "",
            s.received() ? "received" : "not received", String.join("\n", s.commentary()));
        if (s.received()) {
          for (Pack.Row k : s.kpis()) {
            kpi(kpis.createRow(kpiRow++), styles, pack.period(), pack.quarter(), s, k, k.progress());
          }
        }
        for (Pack.Earlier e : s.earlier()) {
          objective(objectives.createRow(objectiveRow++), styles, e.period(), e.quarter(), s.objectiveId(), s.objective(),
              "", "", e.overallStatus(), "earlier quarter", "");
          for (Pack.Row k : e.kpis()) {
            kpi(kpis.createRow(kpiRow++), styles, e.period(), e.quarter(), s, k, "");
          }
        }
      }
      finish(kpis, KPI_COLUMNS.size(), kpiRow);
      finish(objectives, OBJECTIVE_COLUMNS.size(), objectiveRow);
      workbook.write(out);
      // the rows were streamed through temporary files; they go now, not at the JVM's exit
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the pack could not be written as an Excel workbook", e);
    }
  }

  /**
   * The first sheet: what the pack is, the coordinators' executive summary, and the counts by
   * status (numbers), as the other formats open.
   */
  private static void summary(Sheet sheet, Pack pack, Styles styles) {
    sheet.setColumnWidth(0, 100 * 256);
    for (int i = 1; i <= 3; i++) {
      sheet.setColumnWidth(i, 10 * 256);
    }
    int r = 0;
    text(sheet.createRow(r++), 0, pack.strategy(), styles.title);
    text(sheet.createRow(r++), 0, "Performance report for " + pack.board() + ", " + pack.quarter() + " (" + pack.period()
        + "), " + (pack.draft() ? "draft" : "version " + pack.version()), styles.wrapped);
    r++;
    if (!pack.summary().executive().isEmpty()) {
      text(sheet.createRow(r++), 0, "Executive summary", styles.header);
      for (String paragraph : pack.summary().executive()) {
        text(sheet.createRow(r++), 0, paragraph, styles.wrapped);
      }
      r++;
    }
    Row heading = sheet.createRow(r++);
    List<String> statuses = List.of("Green", "Amber", "Red");
    text(heading, 0, "Statuses this quarter", styles.header);
    for (int i = 0; i < statuses.size(); i++) {
      text(heading, i + 1, statuses.get(i), styles.header);
      styles.status(heading.getCell(i + 1), statuses.get(i));
    }
    counts(sheet.createRow(r++), "Objectives", pack.summary().objectives(), styles);
    counts(sheet.createRow(r), "KPIs", pack.summary().kpis(), styles);
  }

  private static void counts(Row row, String what, Pack.Counts counts, Styles styles) {
    text(row, 0, what, styles.plain);
    int[] values = {counts.green(), counts.amber(), counts.red()};
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.createCell(i + 1);
      cell.setCellValue(values[i]);
      cell.setCellStyle(styles.plain);
    }
  }

  private static Sheet sheet(SXSSFWorkbook workbook, String name, List<Column> columns, Styles styles) {
    Sheet sheet = workbook.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      row.createCell(i).setCellValue(columns.get(i).heading());
      row.getCell(i).setCellStyle(styles.header);
      sheet.setColumnWidth(i, columns.get(i).width() * 256);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private static void finish(Sheet sheet, int columns, int rows) {
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
  }

  private static void objective(Row row, Styles styles, String... values) {
    for (int i = 0; i < values.length; i++) {
      text(row, i, values[i], OBJECTIVE_COLUMNS.get(i).wraps() ? styles.wrapped : styles.plain);
    }
    styles.status(row.getCell(OVERALL_STATUS), values[OVERALL_STATUS]);
  }

  private static void kpi(Row row, Styles styles, String period, String quarter, Pack.Section s, Pack.Row k,
      String progress) {
    String[] values = {period, quarter, s.objectiveId(), s.objective(), k.kpiId(), k.kpi(), k.target(), k.achieved(),
        k.status(), progress};
    for (int i = 0; i < values.length; i++) {
      text(row, i, values[i], KPI_COLUMNS.get(i).wraps() ? styles.wrapped : styles.plain);
    }
    figure(row.getCell(TARGET), k.type(), k.targetValue(), styles);
    figure(row.getCell(ACHIEVED), k.type(), k.achievedValue(), styles);
    styles.status(row.getCell(KPI_STATUS), k.status());
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    cell.setCellStyle(style);
  }

  /** A figure replaces its printed text with the number, formatted as its type prints it. */
  private static void figure(Cell cell, KpiType type, BigDecimal value, Styles styles) {
    if (type == null || value == null) {
      return;
    }
    // a percentage is stored as Excel stores one (45% is 0.45), so sums and charts come out right
    BigDecimal stored = type == KpiType.PERCENTAGE ? value.movePointLeft(2) : value;
    cell.setCellValue(stored.doubleValue());
    // as many decimals as were typed: a figure reads as the lead gave it, as in the other formats
    cell.setCellStyle(styles.figure(type, Math.max(value.scale(), 0)));
  }

  /** The workbook's styles, made once each (a workbook holds at most 64,000). */
  private static final class Styles {

    private final SXSSFWorkbook workbook;
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle plain;
    private final CellStyle wrapped;
    private final Map<String, CellStyle> statuses = new HashMap<>();
    private final Map<String, CellStyle> figures = new HashMap<>();

    Styles(SXSSFWorkbook workbook) {
      this.workbook = workbook;
      Font bold = workbook.createFont();
      bold.setBold(true);
      Font large = workbook.createFont();
      large.setBold(true);
      large.setFontHeightInPoints((short) 16);
      title = workbook.createCellStyle();
      title.setFont(large);
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      plain = workbook.createCellStyle();
      plain.setVerticalAlignment(VerticalAlignment.TOP);
      wrapped = workbook.createCellStyle();
      wrapped.cloneStyleFrom(plain);
      wrapped.setWrapText(true);
      FILLS.forEach((word, rgb) -> {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.cloneStyleFrom(plain);
        style.setFillForegroundColor(new XSSFColor(hex(rgb)));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        statuses.put(word, style);
      });
    }

    void status(Cell cell, String status) {
      CellStyle style = status == null ? null : statuses.get(status);
      if (style != null) {
        cell.setCellStyle(style);
      }
    }

    /** The number format of a type's figures with as many decimals as the figure has (at most 3). */
    CellStyle figure(KpiType type, int decimals) {
      String places = decimals == 0 ? "" : "." + "0".repeat(Math.min(decimals, 3));
      String format = switch (type) {
        case PERCENTAGE -> "0" + places + "%";
        // money has pence or none, never one decimal place
        case CURRENCY -> "\"£\"#,##0" + (decimals == 0 ? "" : ".00");
        default -> "#,##0" + places;
      };
      return figures.computeIfAbsent(format, f -> {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(plain);
        style.setDataFormat(workbook.createDataFormat().getFormat(f));
        return style;
      });
    }

    private static byte[] hex(String rgb) {
      return new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
          (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }
  }
}
