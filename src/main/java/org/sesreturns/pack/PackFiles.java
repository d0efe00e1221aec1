package org.sesreturns.pack;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A pack in its four formats. A pack of one PDF part (up to 25 objectives, most councils'
 * strategies) is waited for by a coordinator, and its formats are independent: the PDF is
 * rendered on a thread of its own while the web page, the Word document and the workbook are
 * made, so the compilation takes about as long as its longest format, not the sum. A larger pack
 * is compiled one format after the other, each file kept before the next is made, so that only
 * one format's working memory is held at a time (a 1,000-objective PDF and Word document each
 * need most of a 512 MB heap).
 */
final class PackFiles {

  private final Function<Pack, String> html;
  private final PdfPack.PartHtml partHtml;
  private final PdfPack pdf;
  private final WordPack word;
  private final ExcelPack excel;

  PackFiles(Function<Pack, String> html, PdfPack.PartHtml partHtml, PdfPack pdf, WordPack word, ExcelPack excel) {
    this.html = html;
    this.partHtml = partHtml;
    this.pdf = pdf;
    this.word = word;
    this.excel = excel;
  }

  /**
   * Makes every format and hands each to {@code keep} as it is made, the web page first: a large
   * pack's file is let go once kept, before the next format is made (a 1,000-objective pack's files
   * are some 250 MB together).
   */
  void each(Pack pack, BiConsumer<PackFormat, byte[]> keep) {
    if (PdfPack.isOnePart(pack)) {
      all(pack).forEach(keep);
      return;
    }
    for (PackFormat format : PackFormat.values()) {
      keep.accept(format, one(pack, format));
    }
  }

  /** Every format of a pack of one PDF part, made at once. */
  Map<PackFormat, byte[]> all(Pack pack) {
    Map<PackFormat, byte[]> files = new EnumMap<>(PackFormat.class);
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ses-pack-pdf"));
    try {
      Future<byte[]> pdfFile = thread.submit(() -> pdf.render(pack, partHtml));
      files.put(PackFormat.HTML, one(pack, PackFormat.HTML));
      files.put(PackFormat.DOCX, one(pack, PackFormat.DOCX));
      files.put(PackFormat.XLSX, one(pack, PackFormat.XLSX));
      files.put(PackFormat.PDF, pdfFile.get());
      return files;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the pack's compilation was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      thread.shutdownNow();
    }
  }

  byte[] one(Pack pack, PackFormat format) {
    return switch (format) {
      case HTML -> html.apply(pack).getBytes(StandardCharsets.UTF_8);
      case PDF -> pdf.render(pack, partHtml);
      case DOCX -> word.render(pack);
      case XLSX -> excel.render(pack);
    };
  }
}
