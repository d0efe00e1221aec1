package org.sesreturns.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sesreturns.catalogue.Catalogue;
import org.sesreturns.cycle.Cycle;
import org.sesreturns.cycle.CycleService;
import org.sesreturns.identity.Access;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The board pack for those who read it (coordinators, SES leads, the board): the current pack in
 * each format, every compiled version by its number, and the list of cycles with their versions
 * that the Board packs page shows.
 */
@RestController
class PackController {

  private final PackService packs;
  private final CycleService cycles;
  private final Catalogue catalogue;
  private final Access access;

  PackController(PackService packs, CycleService cycles, Catalogue catalogue, Access access) {
    this.packs = packs;
    this.cycles = cycles;
    this.catalogue = catalogue;
    this.access = access;
  }

  /** The pack as HTML: the approved version, the one under review, or a draft while returns are collected. */
  @GetMapping("/api/cycles/{key}/pack")
  ResponseEntity<byte[]> pack(@PathVariable String key) {
    return current(key, "html");
  }

  /** The same as a PDF, a Word document or an Excel workbook. */
  @GetMapping("/api/cycles/{key}/pack.{format}")
  ResponseEntity<byte[]> current(@PathVariable String key, @PathVariable String format) {
    access.requirePackReader();
    PackFormat wanted = format(format);
    requireCycle(key);
    return serve(packs.current(key, wanted).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "the pack of " + key + " was compiled before ." + format + " files were kept; its HTML is at /api/cycles/" + key + "/pack")));
  }

  /** One compiled version, exactly as it was compiled. */
  @GetMapping("/api/cycles/{key}/pack/versions/{version}.{format}")
  ResponseEntity<byte[]> version(@PathVariable String key, @PathVariable int version, @PathVariable String format) {
    access.requirePackReader();
    PackFormat wanted = format(format);
    requireCycle(key);
    return serve(packs.version(key, version, wanted).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "no version " + version + " of the pack of " + key + " as ." + format)));
  }

  record VersionView(int version, String compiledAt, String approvedBy, String approvedAt, Map<String, String> sha256,
      Map<String, String> downloads) {}

  record CyclePacks(String key, String period, String quarter, String status, String boardMeeting,
      String boardMeetingHeld, String boardDecisions, Map<String, String> current, List<VersionView> versions) {}

  /** Every cycle with its pack versions, newest cycle first: what the Board packs page lists. */
  @GetMapping("/api/packs")
  List<CyclePacks> packs() {
    access.requirePackReader();
    return cycles.all(catalogue.strategy().id()).stream()
        .sorted((a, b) -> b.period().compareTo(a.period()))
        .map(this::view)
        .toList();
  }

  private CyclePacks view(Cycle cycle) {
    String base = "/api/cycles/" + cycle.key() + "/pack";
    List<VersionView> versions = packs.versions(cycle.key()).stream()
        .map(v -> new VersionView(v.version(), v.compiledAt().toString(), catalogue.nameOf(v.approvedBy()),
            v.approvedAt() == null ? null : v.approvedAt().toString(),
            v.sha256().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().extension(),
                Map.Entry::getValue, (a, b) -> a, TreeMap::new)),
            downloads(base + "/versions/" + v.version())))
        .toList();
    return new CyclePacks(cycle.key(), cycle.period().text(), cycle.period().months(catalogue.strategy().financialYearStart()),
        cycle.status().word(), cycle.boardMeeting().toString(),
        cycle.boardMeetingHeld() == null ? null : cycle.boardMeetingHeld().toString(), cycle.boardDecisions(),
        downloads(base), versions);
  }

  private static Map<String, String> downloads(String base) {
    Map<String, String> links = new LinkedHashMap<>();
    for (PackFormat f : PackFormat.values()) {
      links.put(f.extension(), base + "." + f.extension());
    }
    return links;
  }

  private void requireCycle(String key) {
    if (cycles.find(key).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no cycle " + key);
    }
  }

  private static PackFormat format(String extension) {
    return PackFormat.of(extension).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "no pack format ." + extension + " (html, pdf, docx, xlsx)"));
  }

  private ResponseEntity<byte[]> serve(PackService.File file) {
    String name = catalogue.strategy().id() + "-" + file.cycleKey() + (file.draft() ? "-draft" : "-v" + file.version())
        + "." + file.format().extension();
    ContentDisposition disposition = (file.format() == PackFormat.HTML ? ContentDisposition.inline()
        : ContentDisposition.attachment()).filename(name).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.format().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Pack-Version", file.draft() ? "draft" : Integer.toString(file.version()))
        .header("X-Pack-SHA256", file.sha256())
        .body(file.content());
  }
}
