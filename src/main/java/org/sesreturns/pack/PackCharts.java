package org.sesreturns.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.sesreturns.catalogue.KpiType;

/**
 * The pack's charts, drawn by JFreeChart: each numeric KPI over the last quarters against its
 * target (a bar per quarter in the colour of that quarter's status, the figure above it, the
 * target as a dashed line, the status in words under each quarter), and the quarter's spread of
 * statuses. The same chart is written as
 * SVG for the web pack and the PDF (vectors, its text in the pack's typeface) and as PNG for
 * Word; each carries its figures and statuses in words for screen readers (the SVG's title, the
 * PDF figure's and Word picture's alternative text).
 */
final class PackCharts {

  /** The chart's size in CSS pixels; the PNG is drawn at twice that for print. */
  static final int TREND_WIDTH = 520;
  static final int TREND_HEIGHT = 210;
  static final int SPREAD_WIDTH = 520;
  static final int SPREAD_HEIGHT = 150;
  /** Word's pictures at 1.5 times their size: sharp in print, and drawn in half the time of twice. */
  private static final double PNG_SCALE = 1.5;

  /** Stronger than the tables' fills, so a bar stands out against white; each passes 3:1. */
  static final Map<String, Color> STATUS_COLOURS = Map.of(
      "Green", new Color(0x2e7d32), "Amber", new Color(0xb86e00), "Red", new Color(0xc62828));
  private static final Color NO_STATUS = new Color(0x607d8b);
  private static final Color TEXT = new Color(0x1b1b1b);
  private static final Color GRID = new Color(0xd0d4d9);
  private static final Font FONT = dejaVuSans();

  private PackCharts() {}

  /** The KPI's figures over the quarters against its target. */
  static JFreeChart trend(Pack.Trend trend) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Pack.Point p : trend.points()) {
      // each quarter's status in words under it: the bar's colour is never the only sign of it
      data.addValue(p.value(), trend.kpi(), p.status().isEmpty() ? p.quarter() : p.quarter() + " " + p.status());
    }
    List<Pack.Point> points = trend.points();
    BarRenderer bars = new BarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return STATUS_COLOURS.getOrDefault(points.get(column).status(), NO_STATUS);
      }
    };
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setMaximumBarWidth(0.14);
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(FONT.deriveFont(Font.BOLD, 11f));
    bars.setDefaultItemLabelPaint(TEXT);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      @Override
      public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
        return points.get(column).figure();
      }
    });

    NumberAxis values = new NumberAxis(axisLabel(trend.type()));
    values.setNumberFormatOverride(axisFormat(trend.type()));
    values.setLabelFont(FONT.deriveFont(10f));
    values.setTickLabelFont(FONT.deriveFont(10f));
    values.setTickLabelPaint(TEXT);
    double largest = points.stream().mapToDouble(Pack.Point::value).max().orElse(0);
    double top = Math.max(largest, trend.target() == null ? 0 : trend.target().doubleValue());
    if (trend.type() == KpiType.PERCENTAGE) {
      values.setRange(0, Math.max(100, top * 1.15));
    } else {
      values.setRange(Math.min(0, points.stream().mapToDouble(Pack.Point::value).min().orElse(0)),
          top <= 0 ? 1 : top * 1.18);
    }
    CategoryAxis quarters = new CategoryAxis();
    quarters.setMaximumCategoryLabelLines(2);
    quarters.setTickLabelFont(FONT.deriveFont(10f));
    quarters.setTickLabelPaint(TEXT);

    CategoryPlot plot = new CategoryPlot(data, quarters, values, bars);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setInsets(new RectangleInsets(6, 4, 2, 10));
    if (trend.target() != null) {
      ValueMarker target = new ValueMarker(trend.target().doubleValue(), TEXT,
          new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      target.setLabel("Target " + trend.targetFigure());
      target.setLabelFont(FONT.deriveFont(10f));
      target.setLabelPaint(TEXT);
      // above the line at its start, on white: clear of the bars' own figures in most charts
      target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      target.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
      target.setLabelBackgroundColor(new Color(255, 255, 255, 230));
      plot.addRangeMarker(target);
    }
    return chart(plot, false);
  }

  /** How many objectives and KPIs stand at each status this quarter, as stacked bars. */
  static JFreeChart spread(Pack.Counts objectives, Pack.Counts kpis) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String status : List.of("Green", "Amber", "Red")) {
      data.addValue(count(objectives, status), status, "Objectives");
      data.addValue(count(kpis, status), status, "KPIs");
    }
    StackedBarRenderer bars = new StackedBarRenderer(true);
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setMaximumBarWidth(0.3);
    for (int row = 0; row < 3; row++) {
      bars.setSeriesPaint(row, STATUS_COLOURS.get(data.getRowKey(row).toString()));
    }
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(FONT.deriveFont(Font.BOLD, 11f));
    bars.setDefaultItemLabelPaint(Color.WHITE);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      @Override
      public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
        Number n = dataset.getValue(row, column);
        return n == null || n.intValue() == 0 ? null : Integer.toString(n.intValue());
      }
    });
    NumberAxis share = new NumberAxis("Share of those with a status");
    share.setNumberFormatOverride(new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.UK)));
    share.setLabelFont(FONT.deriveFont(10f));
    share.setTickLabelFont(FONT.deriveFont(10f));
    CategoryAxis groups = new CategoryAxis();
    groups.setTickLabelFont(FONT.deriveFont(10f));
    CategoryPlot plot = new CategoryPlot(data, groups, share, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    return chart(plot, true);
  }

  /** The chart as an SVG element, with its description as the title a screen reader announces. */
  static String svg(JFreeChart chart, int width, int height, String description) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // text as text, in the pack's typeface (the PDF gives it to the SVG drawer), then a browser's
    g.setFontFunction(family -> "DejaVu Sans, Arial, Helvetica, sans-serif");
    // a tenth of a pixel is finer than print shows: a third of the size of JFreeSVG's own precision
    g.setGeomDoubleConverter(PackCharts::tenths);
    g.setTransformDoubleConverter(PackCharts::tenths);
    chart.draw(g, new Rectangle(width, height));
    // whole pixels as its size (openhtmltopdf reads no fractions there) and its viewBox, so a
    // browser scales it to a narrow screen; the title first inside it: what it shows, in words
    String svg = g.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    int open = svg.indexOf('>') + 1;
    return svg.substring(0, open).replaceFirst("<svg ",
            "<svg role=\"img\" width=\"" + width + "\" height=\"" + height + "\" ")
        + "<title>" + escape(description) + "</title>" + svg.substring(open);
  }

  /** The chart as a PNG at one and a half times its size. */
  static byte[] png(JFreeChart chart, int width, int height) {
    BufferedImage image = new BufferedImage((int) Math.round(width * PNG_SCALE), (int) Math.round(height * PNG_SCALE),
        BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    try {
      g.scale(PNG_SCALE, PNG_SCALE);
      chart.draw(g, new Rectangle(width, height));
    } finally {
      g.dispose();
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("a chart could not be written as PNG", e);
    }
  }

  /**
   * What the pack's template calls for its charts. For the web pack, each chart is inline SVG.
   * For the PDF, each is an {@code <object>} the PDF's drawer paints with the same chart drawn on
   * PDFBox's Java 2D (vectors, as SVG gives, in a tenth of the time and memory of parsing and
   * drawing SVG through Batik): the object names the chart, kept here for the render.
   */
  public static final class InTemplate {

    /** The type of the PDF's chart objects (see {@link PdfPack}). */
    static final String OBJECT_TYPE = "application/x-ses-chart";

    private final boolean pdf;
    private final Map<String, java.util.function.Supplier<JFreeChart>> drawn = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    private InTemplate(boolean pdf) {
      this.pdf = pdf;
    }

    static InTemplate forWeb() {
      return new InTemplate(false);
    }

    /** One per PDF rendered: it keeps what each object of the PDF's parts draws. */
    static InTemplate forPdf() {
      return new InTemplate(true);
    }

    public boolean isPdf() {
      return pdf;
    }

    public String trend(Pack.Trend trend) {
      return svg(PackCharts.trend(trend), TREND_WIDTH, TREND_HEIGHT, trend.description());
    }

    public String spread(Pack.Summary summary) {
      return svg(PackCharts.spread(summary.objectives(), summary.kpis()), SPREAD_WIDTH, SPREAD_HEIGHT,
          summary.statusWords());
    }

    /** The name of the PDF object that draws the trend. */
    public String trendObject(Pack.Trend trend) {
      return keep(() -> PackCharts.trend(trend));
    }

    public String spreadObject(Pack.Summary summary) {
      return keep(() -> PackCharts.spread(summary.objectives(), summary.kpis()));
    }

    /** The chart an object of the PDF names, or null for a name it did not give. */
    JFreeChart chart(String name) {
      var chart = name == null ? null : drawn.get(name);
      return chart == null ? null : chart.get();
    }

    private String keep(java.util.function.Supplier<JFreeChart> chart) {
      String name = "chart-" + next.incrementAndGet();
      drawn.put(name, chart);
      return name;
    }
  }

  private static int count(Pack.Counts counts, String status) {
    return switch (status) {
      case "Green" -> counts.green();
      case "Amber" -> counts.amber();
      default -> counts.red();
    };
  }

  private static JFreeChart chart(CategoryPlot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(null, FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 4, 4, 4));
    LegendTitle key = chart.getLegend();
    if (key != null) {
      key.setItemFont(FONT.deriveFont(10f));
      key.setPosition(RectangleEdge.BOTTOM);
      key.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    return chart;
  }

  private static String axisLabel(KpiType type) {
    return switch (type) {
      case PERCENTAGE -> "Per cent";
      case CURRENCY -> "Pounds";
      default -> "Number";
    };
  }

  private static DecimalFormat axisFormat(KpiType type) {
    var uk = DecimalFormatSymbols.getInstance(Locale.UK);
    return switch (type) {
      case PERCENTAGE -> new DecimalFormat("0'%'", uk);
      case CURRENCY -> new DecimalFormat("'£'#,##0", uk);
      default -> new DecimalFormat("#,##0.##", uk);
    };
  }

  private static String tenths(double value) {
    long scaled = Math.round(value * 10);
    return scaled % 10 == 0 ? Long.toString(scaled / 10) : Double.toString(scaled / 10.0);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The pack's own typeface (DejaVu Sans, as the PDF embeds), whatever fonts the server has:
   * registered with the JVM too, so the SVG drawer of the PDF finds it by name.
   */
  private static Font dejaVuSans() {
    Font regular = readFont("DejaVuSans.ttf");
    var fonts = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment();
    fonts.registerFont(regular);
    fonts.registerFont(readFont("DejaVuSans-Bold.ttf"));
    return regular.deriveFont(10f);
  }

  private static Font readFont(String file) {
    try (InputStream in = PackCharts.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/" + file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing from the class path (jasperreports-fonts)");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException(file + " could not be read for the pack's charts", e);
    }
  }
}
