package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.web.RequestSessions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit status page, {@code /audit}: the history hash chain walked and every checkpoint
 * recomputed (what the store can prove by itself: no public key, no anchors, both said as
 * limits), with the live tables compared to their latest audited state, so that an edit made
 * behind the engine's back shows as drift. Shows the chain's head, the revisions checked, every
 * problem and every checkpoint.
 */
@Controller
public class AuditController {
  private final RequestSessions sessions;

  AuditController(RequestSessions sessions) {
    this.sessions = sessions;
  }

  /** The verification's outcome. */
  @GetMapping("/audit")
  String status(Model model) {
    RestockSession session = sessions.current();
    IntegrityReport report = session.history().verify(
        new IntegrityCheck(Optional.empty(), List.of(), true));
    List<Checkpoint> checkpoints = new ArrayList<>(session.history().checkpoints());
    Collections.reverse(checkpoints);
    List<String> problems = new ArrayList<>(report.chain().problems());
    problems.addAll(report.breaks());
    model.addAttribute("report", report);
    model.addAttribute("problems", problems);
    model.addAttribute("checkpoints", checkpoints);
    return "audit";
  }
}
