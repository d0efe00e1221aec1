package org.sesreturns.pack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * The pack as a PDF a council can publish: rendered from the same HTML as the web pack by
 * openhtmltopdf on PDFBox, tagged for screen readers (PDF/UA: structure, reading order, table
 * headers, title and language), with DejaVu Sans embedded (no font is left to the reader's machine).
 */
@Component
class PdfPack {

  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  byte[] render(String html) {
    org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), "DejaVu Sans", 400, FontStyle.ITALIC, true);
      builder.useFont(() -> font("DejaVuSans-BoldOblique.ttf"), "DejaVu Sans", 700, FontStyle.ITALIC, true);
      builder.withW3cDocument(document, "/");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the pack could not be rendered as PDF", e);
    }
  }

  private static InputStream font(String file) {
    InputStream in = PdfPack.class.getResourceAsStream(FONTS + file);
    if (in == null) {
      throw new IllegalStateException("font " + file + " is missing from the class path (jasperreports-fonts)");
    }
    return in;
  }
}
