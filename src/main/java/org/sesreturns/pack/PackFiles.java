package org.sesreturns.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
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
 * need most of a 512 MB heap). The PDF is always made in a temporary file and kept from it (a
 * 1,000-objective pack's is some 100 MB), never as one array.
 */
final class PackFiles {

  /** One format of the pack as made: its bytes, or the temporary file the PDF was written to. */
  record Made(byte[] bytes, Path file, long length, String sha256) {

    static Made of(byte[] bytes) {
      return new Made(bytes, null, bytes.length, PackService.sha256(bytes));
    }

    /** A file's length and SHA-256, read once through. */
    static Made of(Path file) {
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
        in.transferTo(OutputStream.nullOutputStream());
        return new Made(null, file, Files.size(file),
            HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
      } catch (IOException e) {
        throw new UncheckedIOException("the pack's file could not be read", e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    InputStream open() {
      try {
        return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException("the pack's file could not be read", e);
      }
    }

    /** The whole content in memory: for the web page, which is also kept as text. */
    byte[] content() {
      try {
        return file == null ? bytes : Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("the pack's file could not be read", e);
      }
    }
  }

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
   * are some 250 MB together). The PDF's temporary file is deleted once kept.
   */
  void each(Pack pack, BiConsumer<PackFormat, Made> keep) {
    if (PdfPack.isOnePart(pack)) {
      all(pack, keep);
      return;
    }
    for (PackFormat format : PackFormat.values()) {
      if (format == PackFormat.PDF) {
        Path file = pdfFile(pack);
        try {
          keep.accept(format, Made.of(file));
        } finally {
          PdfPack.deleteFile(file);
        }
      } else {
        keep.accept(format, Made.of(one(pack, format)));
      }
    }
  }

  /** Every format of a pack of one PDF part, made at once and kept in their order. */
  private void all(Pack pack, BiConsumer<PackFormat, Made> keep) {
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ses-pack-pdf"));
    Future<Path> pdfFile = thread.submit(() -> pdfFile(pack));
    Path file = null;
    try {
      Map<PackFormat, Made> files = new EnumMap<>(PackFormat.class);
      files.put(PackFormat.HTML, Made.of(one(pack, PackFormat.HTML)));
      files.put(PackFormat.DOCX, Made.of(one(pack, PackFormat.DOCX)));
      files.put(PackFormat.XLSX, Made.of(one(pack, PackFormat.XLSX)));
      file = pdfFile.get();
      files.put(PackFormat.PDF, Made.of(file));
      files.forEach(keep);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the pack's compilation was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      thread.shutdownNow();
      if (file == null && pdfFile.isDone() && !pdfFile.isCancelled()) {
        // another format failed after the PDF was made: its file is still to be deleted
        try {
          file = pdfFile.get();
        } catch (InterruptedException | ExecutionException e) {
          // the PDF failed too, and left no file
        }
      }
      PdfPack.deleteFile(file);
    }
  }

  private Path pdfFile(Pack pack) {
    try {
      Path file = Files.createTempFile("ses-pack", ".pdf");
      try {
        pdf.render(pack, partHtml, file);
        return file;
      } catch (RuntimeException e) {
        PdfPack.deleteFile(file);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary file for the pack's PDF", e);
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
