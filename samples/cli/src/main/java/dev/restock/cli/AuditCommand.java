package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.core.audit.KeyFileSigner;
import dev.restock.core.audit.trust.AuditJson;
import dev.restock.core.audit.trust.Ed25519Keys;
import dev.restock.core.audit.trust.ProofChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", description = "Tamper evidence and activity of the audit trail.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Activity.class,
        AuditCommand.Events.class, AuditCommand.Keygen.class, AuditCommand.MakeCheckpoint.class,
        AuditCommand.ExportCheckpoints.class, AuditCommand.Prove.class,
        AuditCommand.CheckProof.class, AuditCommand.Consistency.class})
final class AuditCommand {

  @Command(name = "verify", description = "Walk the history hash chain, recompute the Merkle "
      + "root at every checkpoint, check signatures with the public key and the database "
      + "against the anchor file (--anchors); name every break. Says what it cannot prove "
      + "without a key or anchors. Exit code 4 when broken.")
  static final class Verify extends EngineCommand {
    @Option(names = "--public-key", paramLabel = "FILE",
        description = "The checkpoint signer's public key (PEM); default: that of --audit-key.")
    Path publicKey;

    @Option(names = "--live", description = "Also compare every live row with its latest "
        + "audited state and list drift (edits made by SQL).")
    boolean live;

    @Override
    void run(Restock engine) {
      List<Checkpoint> anchored = anchors == null ? List.of()
          : AuditJson.readCheckpoints(anchors, "anchors");
      Progress progress = Progress.of(spec, "verify");
      progress.step("walking the history chain" + (live ? " and comparing live rows" : ""));
      long started = System.nanoTime();
      IntegrityReport report = reader(engine).history().verify(new IntegrityCheck(
          AuditWiring.publicKey(publicKey, auditKey), anchored, live));
      double seconds = (System.nanoTime() - started) / 1e9;
      progress.step(report.chain().checked() + " revisions checked");
      progress.done();
      print(report, () -> human(report, seconds));
      if (!report.intact()) {
        throw new RestockCli.ExitException(RestockCli.AUDIT_BROKEN);
      }
    }

    private void human(IntegrityReport report, double seconds) {
      PrintWriter out = out();
      var chain = report.chain();
      String figures = chain.checked() + " revisions verified"
          + String.format(Locale.ROOT, " in %.1f s (%.0f revisions/s)", seconds,
              chain.checked() / Math.max(seconds, 1e-3))
          + (chain.unchained() > 0 ? ", " + chain.unchained() + " older unchained" : "")
          + "; " + report.checkpoints() + " checkpoint(s), " + report.signatures()
          + " valid signature(s), " + report.anchors() + " anchor(s) checked";
      out.println(report.intact() ? "intact: " + figures : "BROKEN: " + figures);
      chain.firstBroken().ifPresent(rev -> out.println("BROKEN at revision " + rev + ": "
          + chain.problem().orElse("")));
      chain.problems().stream().skip(1).forEach(p -> out.println("BROKEN: " + p));
      report.breaks().forEach(b -> out.println("BROKEN: " + b));
      for (LiveDrift d : report.drift()) {
        out.println("DRIFT " + d.type().label() + " " + d.id() + " " + d.field() + ": audited "
            + (d.audited() == null ? "(none)" : d.audited()) + ", live "
            + (d.live() == null ? "(none)" : d.live()));
      }
      report.limits().forEach(l -> out.println("note: " + l));
    }
  }

  @Command(name = "keygen", description = "Write a new Ed25519 key: FILE (private, owner only) "
      + "and FILE.pub (public, for verifiers). Keep FILE off the database's machine if you can.")
  static final class Keygen implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE",
        description = "Where to write the private key; the public key goes to FILE.pub.")
    Path file;

    @Override
    public Integer call() {
      KeyFileSigner.generate(file);
      String id = KeyFileSigner.load(file).keyId();
      PrintWriter out = spec.commandLine().getOut();
      out.println("wrote " + file + " (private key, owner only) and "
          + KeyFileSigner.publicKeyFile(file) + " (public key); key id " + id);
      out.flush();
      return 0;
    }
  }

  @Command(name = "checkpoint", description = "Make a checkpoint of the history now: signed "
      + "with --audit-key, stored, and appended to --anchors.")
  static final class MakeCheckpoint extends EngineCommand {
    @Override
    void run(Restock engine) {
      Checkpoint c = reader(engine).history().checkpoint();
      print(c, () -> out().println("checkpoint of " + c.size() + " revisions at " + c.time()
          + ", root " + c.rootHash() + (c.signed() ? ", signed by " + c.keyId()
              : ", unsigned (no --audit-key)")
          + (anchors != null ? "; anchored in " + anchors : "")));
    }
  }

  @Command(name = "export-checkpoints", description = "Every stored checkpoint as JSON lines, "
      + "the anchor file format: to keep elsewhere, or to give 'audit verify --anchors'.")
  static final class ExportCheckpoints extends EngineCommand {
    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path file;

    @Override
    void run(Restock engine) {
      StringBuilder lines = new StringBuilder();
      reader(engine).history().checkpoints()
          .forEach(c -> lines.append(AuditJson.checkpointLine(c)).append('\n'));
      if (file == null) {
        out().print(lines);
        out().flush();
      } else {
        write(file, lines.toString());
      }
    }
  }

  @Command(name = "prove", description = "Write an inclusion proof of one revision: its "
      + "content, its Merkle audit path and the signed checkpoint it leads to; check it "
      + "anywhere with 'audit check-proof'.")
  static final class Prove extends EngineCommand {
    @Parameters(index = "0", paramLabel = "REV", description = "The revision number.")
    long revision;
    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path file;

    @Override
    void run(Restock engine) {
      InclusionProof proof = reader(engine).history().prove(revision);
      String text = AuditJson.inclusionProof(proof);
      if (file == null) {
        out().print(text);
        out().flush();
        return;
      }
      write(file, text);
      Checkpoint c = proof.checkpoint();
      out().println("proof of revision " + proof.revisionId() + " (chain position "
          + proof.seq() + " of " + proof.treeSize() + ", checkpoint " + c.time()
          + (c.signed() ? ", signed by " + c.keyId() : ", UNSIGNED") + ") written to " + file
          + " (" + text.length() + " bytes)");
      out().flush();
    }
  }

  @Command(name = "consistency", description = "Prove that the history at the checkpoint of "
      + "size NEW extends the one at size OLD unchanged (RFC 9162 consistency proof).")
  static final class Consistency extends EngineCommand {
    @Parameters(index = "0", paramLabel = "OLD",
        description = "The size (number of revisions) of the older checkpoint.")
    long older;
    @Parameters(index = "1", paramLabel = "NEW",
        description = "The size of the newer checkpoint.")
    long newer;
    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path file;

    @Override
    void run(Restock engine) {
      ConsistencyProof proof = reader(engine).history().consistency(older, newer);
      String text = AuditJson.consistencyProof(proof);
      if (file == null) {
        out().print(text);
      } else {
        write(file, text);
        out().println("consistency proof " + older + " -> " + newer + " written to " + file);
      }
      out().flush();
    }
  }

  @Command(name = "check-proof", description = "Check a proof file offline, without any "
      + "database: an inclusion proof ('audit prove') or a consistency proof. Exit code 0 when "
      + "valid, 4 with the reasons when any byte of it was changed.")
  static final class CheckProof implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE",
        description = "The proof file written by 'audit prove' or 'audit consistency'.")
    Path file;
    @Option(names = "--public-key", paramLabel = "FILE", required = true,
        description = "The signer's public key (PEM), e.g. the .pub file of 'audit keygen'.")
    Path publicKey;

    @Override
    public Integer call() {
      PublicKey key = Ed25519Keys.readPublicKey(publicKey, "publicKey");
      String text;
      try {
        text = Files.readString(file, StandardCharsets.ISO_8859_1);
      } catch (NoSuchFileException e) {
        throw new RestockCli.UsageException("no such file: " + file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<String> problems;
      String valid;
      try {
        if (text.contains("\"" + AuditJson.CONSISTENCY_FORMAT + "\"")) {
          ConsistencyProof proof = AuditJson.consistencyProof(text);
          problems = ProofChecker.problems(proof, key);
          valid = "consistent: the history of " + proof.newer().size() + " revisions ("
              + proof.newer().time() + ") extends the history of " + proof.older().size()
              + " (" + proof.older().time() + ") unchanged; both signed by "
              + proof.newer().keyId();
        } else {
          InclusionProof proof = AuditJson.inclusionProof(text);
          problems = ProofChecker.problems(proof, key);
          valid = "valid: revision " + proof.revisionId() + " is entry " + proof.seq()
              + " of the history of " + proof.treeSize() + " revisions signed by "
              + proof.checkpoint().keyId() + " at " + proof.checkpoint().time() + "\n"
              + proof.content();
        }
      } catch (IllegalArgumentException e) {
        problems = List.of(e.getMessage());
        valid = null;
      }
      if (!problems.isEmpty()) {
        problems.forEach(p -> err.println("INVALID: " + p));
        err.flush();
        return RestockCli.AUDIT_BROKEN;
      }
      out.println(valid);
      out.flush();
      return 0;
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RestockCli.UsageException("cannot write " + file + ": " + e.getMessage());
    }
  }

  @Command(name = "activity", description = "Actions per user over the last N days.")
  static final class Activity extends EngineCommand {
    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
        description = "How many days back (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    void run(Restock engine) {
      var session = reader(engine);
      List<ActivitySummary> activity = session.history().activity(null, days);
      print(activity, () -> {
        Table t = new Table("USER", "ACTION", "COUNT", "LAST");
        activity.forEach(a -> t.row(HistoryCommand.who(session, a.actorId()), a.action(),
            a.count(), a.lastOccurrence()));
        t.print(out());
      });
    }
  }

  @Command(name = "events", description = "Audit events, newest first, optionally by user, "
      + "action, resource, correlation id or time.")
  static final class Events extends EngineCommand {
    @Option(names = "--page", paramLabel = "N", defaultValue = "1",
        description = "Page number, from 1 (default: ${DEFAULT-VALUE}).")
    int page;
    @Option(names = "--size", paramLabel = "N", defaultValue = "50",
        description = "Events per page (default: ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--actor", paramLabel = "USERNAME",
        description = "Events of this user ('system' for the engine's own).") String actor;
    @Option(names = "--action", paramLabel = "PREFIX",
        description = "Actions starting with this, e.g. product. or product.delete.") String action;
    @Option(names = "--type", paramLabel = "TYPE", description = "Resource type, e.g. product.")
    String type;
    @Option(names = "--id", paramLabel = "ID", description = "Resource id.") UUID id;
    @Option(names = "--correlation", paramLabel = "ID",
        description = "Events of one request or command (its correlation id).")
    String correlation;
    @Mixin TimeRange time;

    @Override
    void run(Restock engine) {
      var session = reader(engine);
      Criteria criteria = Criteria.all();
      if (actor != null) {
        criteria = criteria.and("actorId", Criteria.Operator.EQ, "system".equals(actor.strip())
            ? dev.restock.api.audit.Actor.SYSTEM_ID
            : session.users().getByUsername(actor.strip()).id());
      }
      if (action != null) {
        criteria = criteria.and("action", Criteria.Operator.STARTS_WITH, action.strip());
      }
      if (type != null) {
        criteria = criteria.and("resourceType", Criteria.Operator.EQ, type.strip());
      }
      if (id != null) {
        criteria = criteria.and("resourceId", Criteria.Operator.EQ, id);
      }
      if (correlation != null) {
        criteria = criteria.and("correlationId", Criteria.Operator.EQ, correlation.strip());
      }
      criteria = time.within(criteria, "at");
      Page<AuditEvent> events = session.history().events(criteria,
          PageRequest.of(Math.max(0, page - 1), size));
      print(events, () -> {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        Table t = new Table("AT", "USER", "ACTION", "RESOURCE", "CLIENT", "CORRELATION");
        events.items().forEach(e -> t.row(e.at(),
            names.computeIfAbsent(e.actorId(), a -> HistoryCommand.who(session, a)), e.action(),
            e.resourceId() == null ? "" : e.resourceType() + " " + e.resourceId(),
            e.clientAddress() == null ? "" : e.clientAddress(),
            e.correlationId() == null ? "" : e.correlationId()));
        t.print(out());
        out().println("page " + (events.page() + 1) + " of " + events.pages() + ", "
            + events.total() + " event(s)");
      });
    }
  }
}
