package org.sesreturns.pack;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * The pack as a PDF a council can publish: rendered from the same HTML as the web pack by
 * openhtmltopdf on PDFBox, tagged for screen readers (PDF/UA: structure, reading order, table
 * headers, title and language), with DejaVu Sans embedded (no font is left to the reader's machine).
 *
 * <p>openhtmltopdf lays a whole document out in memory, about 2 MB of heap per objective; a pack
 * of a thousand objectives is therefore rendered in parts of {@value #OBJECTIVES_PER_PART}
 * objectives, each a tagged PDF, and the parts are merged by PDFBox (structure trees included)
 * through temporary files; the merged document's objects stay in memory, so each part's
 * background artifacts are first written inline ({@link #inlineBackgroundArtifacts}). Page numbers are stamped last, across the whole pack, as artifacts
 * that screen readers skip.
 */
@Component
class PdfPack {

  static final int OBJECTIVES_PER_PART = 25;
  /**
   * How the contents of the first part link to a section in a later part, which is no anchor of
   * its own document: a link to this made-up address and the page, made a link to that page of
   * the merged pack.
   */
  static final String PAGE_LINK = "ses-returns-page:";
  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
  /** The size of the running header and the page numbers, in points. */
  private static final float STAMP_SIZE = 8;

  /** The pack's HTML for one part of the PDF. */
  @FunctionalInterface
  interface PartHtml {

    /**
     * @param front whether the part carries the cover, contents and summary (the first does)
     * @param pages where each part of the pack begins, for the contents: by objective id, and
     *     {@code executive}, {@code summary}, {@code exceptions}; empty when not known yet
     * @param countPages whether the contents count their own page numbers as the part is laid out
     *     (CSS {@code target-counter}): for a pack of one part, whose pages are all its own
     */
    String render(Pack part, boolean front, Map<String, Integer> pages, boolean countPages, PackCharts.InTemplate charts);
  }

  /** Whether the pack's PDF is rendered in one part. */
  static boolean isOnePart(Pack pack) {
    return pack.sections().size() <= OBJECTIVES_PER_PART;
  }

  /** The pack's PDF in memory: for a pack of one part, and for the tests. */
  byte[] render(Pack pack, PartHtml html) {
    Path file = null;
    try {
      file = Files.createTempFile("ses-pack", ".pdf");
      render(pack, html, file);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("the pack's PDF could not be read back", e);
    } finally {
      deleteFile(file);
    }
  }

  /**
   * The pack's PDF written to {@code target}: a 1,000-objective pack's PDF is some 100 MB, which
   * is read from the file as it is stored, never held whole in the heap.
   */
  void render(Pack pack, PartHtml html, Path target) {
    List<Pack> parts = new ArrayList<>();
    int sections = pack.sections().size();
    for (int from = 0; from == 0 || from < sections; from += OBJECTIVES_PER_PART) {
      parts.add(new Pack(pack.strategy(), pack.board(), pack.period(), pack.quarter(), pack.financialYear(),
          pack.boardMeeting(), pack.version(), pack.draft(), pack.summary(),
          pack.sections().subList(from, Math.min(sections, from + OBJECTIVES_PER_PART)), pack.branding()));
    }
    // the contents give the page where each part of the pack begins. A pack of one part (up to 25
    // objectives: most councils' strategies) counts them itself as it is laid out, so it is rendered
    // once. In a larger pack they are known once every part is rendered (each part's outline names
    // its pages); the first part is then rendered again with them, and its length does not change
    // with the numbers
    PackCharts.InTemplate charts = PackCharts.InTemplate.forPdf();
    // each part is kept in a file until it is merged, and the merged pack is saved to one: the heap
    // holds one part's rendering and the merged document's objects, never every part's bytes or a
    // growing copy of the whole file beside the document (a 1,000-objective pack's PDF is ~100 MB)
    Path dir = null;
    try {
      dir = Files.createTempDirectory("ses-pack-pdf");
      List<Path> rendered = new ArrayList<>();
      if (parts.size() == 1) {
        rendered.add(write(dir, 0, renderPart(html.render(parts.get(0), true, Map.of(), true, charts), charts, true)));
        assemble(rendered, pack, target);
        return;
      }
      Map<String, Integer> pages = new HashMap<>();
      int offset = 0;
      for (int i = 0; i < parts.size(); i++) {
        // the first part's first rendering is read for its pages only and then thrown away: its
        // charts keep their boxes (the layout is the template's) but are not painted
        byte[] part = renderPart(html.render(parts.get(i), i == 0, Map.of(), false, charts), charts, i != 0);
        offset += beginnings(part, outlineKeys(parts.get(i), i == 0), offset, pages);
        rendered.add(i == 0 ? null : write(dir, i, part));
      }
      rendered.set(0, write(dir, 0, renderPart(html.render(parts.get(0), true, pages, false, charts), charts, true)));
      assemble(rendered, pack, target);
    } catch (IOException e) {
      throw new UncheckedIOException("the pack could not be assembled as PDF", e);
    } finally {
      delete(dir);
    }
  }

  private static Path write(Path dir, int part, byte[] pdf) throws IOException {
    return Files.write(dir.resolve("part-" + part + ".pdf"), pdf);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary file left behind is the system's to clear; the pack itself is done
    }
  }

  static void deleteFile(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // as above: the system's to clear
    }
  }

  /** The parts merged into one document, its pages numbered and headed. */
  private static void assemble(List<Path> parts, Pack pack, Path merged) throws IOException {
    try (PDDocument document = Loader.loadPDF(parts.get(0).toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
      if (parts.size() > 1) {
        // what keeps a merged pack's objects few (see below); one part is not merged
        inlineBackgroundArtifacts(document);
      }
      PDFMergerUtility merger = new PDFMergerUtility();
      for (int i = 1; i < parts.size(); i++) {
        try (PDDocument next = Loader.loadPDF(parts.get(i).toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
          inlineBackgroundArtifacts(next);
          merger.appendDocument(document, next);
        }
      }
      linkToPages(document);
      numberPages(document, pack.runningHeader());
      if (parts.size() == 1) {
        document.save(merged.toFile());
      } else {
        // without PDFBox's object streams: to pack the objects into them it lists and sorts every
        // object of the document at once, which took a 1,000-objective pack past 512 MB of heap;
        // the content streams are compressed all the same, and the file is somewhat larger
        document.save(merged.toFile(), CompressParameters.NO_COMPRESSION);
      }
    }
  }

  /** The contents' links to sections of later parts ({@link #PAGE_LINK}), made links to their pages. */
  static void linkToPages(PDDocument document) throws IOException {
    for (PDPage page : document.getPages()) {
      for (var annotation : page.getAnnotations()) {
        if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri
            && uri.getURI() != null && uri.getURI().startsWith(PAGE_LINK)) {
          int number = Integer.parseInt(uri.getURI().substring(PAGE_LINK.length()));
          PDPageFitDestination destination = new PDPageFitDestination();
          destination.setPage(document.getPage(number - 1));
          PDActionGoTo goTo = new PDActionGoTo();
          goTo.setDestination(destination);
          link.setAction(goTo);
        }
      }
    }
  }

  /** What the template's outline items of a part stand for, in their order (see pack.html). */
  private static List<String> outlineKeys(Pack part, boolean front) {
    List<String> keys = new ArrayList<>();
    if (front) {
      if (!part.summary().executive().isEmpty()) {
        keys.add("executive");
      }
      keys.addAll(List.of("contents", "summary", "exceptions"));
    }
    part.sections().forEach(s -> keys.add(s.objectiveId()));
    return keys;
  }

  /**
   * Where each outline item of a part begins, counted in the whole pack. Returns the part's
   * number of pages.
   */
  private static int beginnings(byte[] pdf, List<String> keys, int offset, Map<String, Integer> pages) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
      int i = 0;
      for (PDOutlineItem item = outline == null ? null : outline.getFirstChild(); item != null && i < keys.size();
          item = item.getNextSibling()) {
        PDPage page = item.findDestinationPage(document);
        if (page != null) {
          pages.put(keys.get(i), offset + document.getPages().indexOf(page) + 1);
        }
        i++;
      }
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException("a part of the pack could not be read back", e);
    }
  }

  private static byte[] renderPart(String html, PackCharts.InTemplate charts, boolean paintCharts) {
    org.jsoup.nodes.Document parsed = Jsoup.parse(html);
    // openhtmltopdf reads the outline from the head, where an HTML parser does not keep it
    parsed.select("body > bookmarks").forEach(outline -> parsed.head().appendChild(outline));
    org.w3c.dom.Document document = new W3CDom().fromJsoup(parsed);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), "DejaVu Sans", 400, FontStyle.ITALIC, true);
      builder.useFont(() -> font("DejaVuSans-BoldOblique.ttf"), "DejaVu Sans", 700, FontStyle.ITALIC, true);
      // the charts, drawn as vectors where the template placed their objects
      DefaultObjectDrawerFactory objects = new DefaultObjectDrawerFactory();
      objects.registerDrawer(PackCharts.InTemplate.OBJECT_TYPE, paintCharts ? new ChartDrawer(charts) : NO_CHART);
      builder.useObjectDrawerFactory(objects);
      builder.withW3cDocument(document, "/");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the pack could not be rendered as PDF", e);
    }
  }

  /** Paints nothing where a chart goes: for a rendering read only for where its pages begin. */
  private static final FSObjectDrawer NO_CHART = (element, x, y, width, height, device, context, dotsPerPixel) -> null;

  /** Paints a chart object of the template with JFreeChart on the page's own Java 2D (PDFBox). */
  private record ChartDrawer(PackCharts.InTemplate charts) implements FSObjectDrawer {

    @Override
    public Map<Shape, String> drawObject(Element element, double x, double y, double width, double height,
        OutputDevice device, RenderingContext context, int dotsPerPixel) {
      JFreeChart chart = charts.chart(element.getAttribute("data-chart"));
      if (chart != null) {
        float w = (float) width / dotsPerPixel;
        float h = (float) height / dotsPerPixel;
        device.drawWithGraphics((float) x, (float) y, w, h, g -> {
          if (g instanceof PdfBoxGraphics2D pdf) {
            // the chart's labels as shapes: its words are the figure's alternative text, and as text
            // they would be read (and copied) out of place, painted after the page's own text
            pdf.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawer());
          }
          chart.draw(g, new Rectangle2D.Float(0, 0, w, h));
        });
      }
      return null;
    }
  }

  /**
   * openhtmltopdf marks every border and background it paints as a background artifact whose
   * property list (type and bounding box) is an object of its own, named in the page's resources:
   * about 440 objects per objective, nearly half of a merged pack's objects in memory. Written into
   * the content stream instead ({@code /Artifact <</Type /Background /BBox [...]>> BDC}), the same
   * marks live in the streams, which PDFBox keeps in temporary files, and a pack of a thousand
   * objectives assembles within 512 MB of heap.
   */
  static void inlineBackgroundArtifacts(PDDocument document) throws IOException {
    Map<COSDictionary, Set<COSName>> inlined = new IdentityHashMap<>();
    Map<COSDictionary, Set<COSName>> stillNamed = new IdentityHashMap<>();
    for (PDPage page : document.getPages()) {
      COSDictionary properties = page.getResources() == null ? null
          : page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
      if (properties == null) {
        continue;
      }
      List<Object> tokens = new PDFStreamParser(page).parse();
      boolean changed = false;
      for (int i = 1; i < tokens.size(); i++) {
        if (tokens.get(i) instanceof Operator operator && OperatorName.BEGIN_MARKED_CONTENT_SEQ.equals(operator.getName())
            && tokens.get(i - 1) instanceof COSName name) {
          COSDictionary list = properties.getCOSDictionary(name);
          if (list != null && COSName.BACKGROUND.equals(list.getCOSName(COSName.TYPE))) {
            tokens.set(i - 1, list);
            inlined.computeIfAbsent(properties, p -> new HashSet<>()).add(name);
            changed = true;
          } else {
            stillNamed.computeIfAbsent(properties, p -> new HashSet<>()).add(name);
          }
        }
      }
      if (changed) {
        PDStream content = new PDStream(document);
        try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
          new ContentStreamWriter(out).writeTokens(tokens);
        }
        page.setContents(content);
      }
    }
    // a resource dictionary may be shared by pages: a name goes only once no page uses it
    inlined.forEach((properties, names) -> names.stream()
        .filter(name -> !stillNamed.getOrDefault(properties, Set.of()).contains(name))
        .forEach(properties::removeItem));
  }

  /**
   * "Page 3 of 40" at the foot of each page, and on each page after the cover a header naming the
   * strategy, quarter and version; marked as artifacts, which screen readers skip (pagination).
   */
  private static void numberPages(PDDocument document, String header) throws IOException {
    try (InputStream in = font("DejaVuSans.ttf")) {
      PDType0Font font = PDType0Font.load(document, in, true);
      int total = document.getNumberOfPages();
      int number = 0;
      for (PDPage page : document.getPages()) {
        number++;
        try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
            true, true)) {
          float width = page.getMediaBox().getWidth();
          String footer = "Page " + number + " of " + total;
          stamp(content, font, footer, (width - font.getStringWidth(footer) / 1000 * STAMP_SIZE) / 2, 28);
          if (number > 1) {
            // right-aligned with the text's right margin (15 mm)
            stamp(content, font, header, width - 42.5f - font.getStringWidth(header) / 1000 * STAMP_SIZE,
                page.getMediaBox().getHeight() - 30);
          }
        }
      }
    }
  }

  private static void stamp(PDPageContentStream content, PDType0Font font, String text, float x, float y)
      throws IOException {
    content.beginMarkedContent(COSName.ARTIFACT);
    content.beginText();
    content.setFont(font, STAMP_SIZE);
    content.setNonStrokingColor(0.27f, 0.27f, 0.27f);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
    content.endMarkedContent();
  }

  private static InputStream font(String file) {
    InputStream in = PdfPack.class.getResourceAsStream(FONTS + file);
    if (in == null) {
      throw new IllegalStateException("font " + file + " is missing from the class path (jasperreports-fonts)");
    }
    return in;
  }
}
