package org.sesreturns.pack;

import org.sesreturns.cycle.CycleService;
import org.sesreturns.identity.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class PackController {

  private final PackService packs;
  private final CycleService cycles;
  private final Access access;

  PackController(PackService packs, CycleService cycles, Access access) {
    this.packs = packs;
    this.cycles = cycles;
    this.access = access;
  }

  /** The board pack as HTML: the compiled version once there is one, else a draft. */
  @GetMapping(value = "/api/cycles/{key}/pack", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> pack(@PathVariable String key) {
    access.requirePackReader();
    if (cycles.find(key).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no cycle " + key);
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(packs.current(key));
  }
}
