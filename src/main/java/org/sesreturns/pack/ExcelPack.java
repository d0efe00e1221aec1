package org.sesreturns.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The pack for analysts: an Excel workbook with one row per objective and KPI per quarter (this
 * one and the quarters before it that the trends show), and one row per objective per quarter with
 * its overall status. Plain cells, a filter on each header row and the header frozen; written as a
 * stream, so a thousand objectives take little memory.
 */
@Component
class ExcelPack {

  private static final List<String> KPI_COLUMNS = List.of("Period", "Quarter", "Objective id", "Objective", "KPI id",
      "KPI", "Target", "Achieved", "Status", "Progress to date");
  private static final List<String> OBJECTIVE_COLUMNS = List.of("Period", "Quarter", "Objective id", "Objective",
      "SES lead", "Project lead", "Overall status", "Return", "Commentary");

  byte[] render(Pack pack) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.getXSSFWorkbook().getProperties().getCoreProperties()
          .setTitle(pack.strategy() + ": KPIs " + pack.quarter() + (pack.draft() ? " (draft)" : " (version " + pack.version() + ")"));
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle wrapped = workbook.createCellStyle();
      wrapped.setWrapText(true);

      Sheet kpis = sheet(workbook, "KPIs", KPI_COLUMNS, header);
      Sheet objectives = sheet(workbook, "Objectives", OBJECTIVE_COLUMNS, header);
      int kpiRow = 1;
      int objectiveRow = 1;
      for (Pack.Section s : pack.sections()) {
        write(objectives.createRow(objectiveRow++), wrapped, pack.period(), pack.quarter(), s.objectiveId(), s.objective(),
            s.sesLead(), s.projectLead(), s.received() ? s.overallStatus() : "", s.received() ? "received" : "not received",
            String.join("\n", s.commentary()));
        if (s.received()) {
          for (Pack.Row k : s.kpis()) {
            write(kpis.createRow(kpiRow++), wrapped, pack.period(), pack.quarter(), s.objectiveId(), s.objective(),
                k.kpiId(), k.kpi(), k.target(), k.achieved(), k.status(), k.progress());
          }
        }
        for (Pack.Earlier e : s.earlier()) {
          write(objectives.createRow(objectiveRow++), wrapped, e.period(), e.quarter(), s.objectiveId(), s.objective(),
              "", "", e.overallStatus(), "earlier quarter", "");
          for (Pack.Row k : e.kpis()) {
            write(kpis.createRow(kpiRow++), wrapped, e.period(), e.quarter(), s.objectiveId(), s.objective(),
                k.kpiId(), k.kpi(), k.target(), k.achieved(), k.status(), "");
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

  private static Sheet sheet(SXSSFWorkbook workbook, String name, List<String> columns, CellStyle header) {
    Sheet sheet = workbook.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      row.createCell(i).setCellValue(columns.get(i));
      row.getCell(i).setCellStyle(header);
      sheet.setColumnWidth(i, 18 * 256);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private static void finish(Sheet sheet, int columns, int rows) {
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
  }

  private static void write(Row row, CellStyle wrapped, String... values) {
    for (int i = 0; i < values.length; i++) {
      var cell = row.createCell(i);
      cell.setCellValue(values[i] == null ? "" : values[i]);
      if (values[i] != null && values[i].contains("\n")) {
        cell.setCellStyle(wrapped);
      }
    }
  }
}
