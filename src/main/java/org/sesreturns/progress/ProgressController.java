package org.sesreturns.progress;

import java.util.List;
import org.sesreturns.identity.Access;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The progress board's data, for the Cockpit plugin: coordinators only. */
@RestController
@RequestMapping("/api/progress")
class ProgressController {

  private static final String WHAT = "follow the returns' progress";

  private final ProgressBoard board;
  private final Access access;

  ProgressController(ProgressBoard board, Access access) {
    this.board = board;
    this.access = access;
  }

  /** Every cycle, newest first, the current one marked. */
  @GetMapping
  List<ProgressBoard.CycleLine> cycles() {
    access.requireCoordinator(WHAT);
    return board.cycles();
  }

  /** The current cycle's board: the latest still running, else the latest. */
  @GetMapping("/current")
  ProgressBoard.Board current() {
    access.requireCoordinator(WHAT);
    return board.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no cycle has been started"));
  }

  @GetMapping("/{key}")
  ProgressBoard.Board cycle(@PathVariable String key) {
    access.requireCoordinator(WHAT);
    if (board.cycles().stream().noneMatch(c -> c.key().equals(key))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no cycle " + key);
    }
    return board.board(key);
  }
}
