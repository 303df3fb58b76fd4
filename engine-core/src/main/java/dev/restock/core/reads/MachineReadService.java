package dev.restock.core.reads;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.reads.CashLine;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.reads.port.in.MachineReadImport;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.validation.Checks;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Machine-read use cases. An import is checked whole before anything is written (see {@link
 * ReadImport}, {@link CounterDeltas} and {@link SelectionMapping} for the rules) and needs the
 * permission to record sales, which is what it does.
 */
public final class MachineReadService extends UseCase implements MachineReadImport {
  /** The action an import runs as: the one that records sales by hand. */
  static final String ACTION = "sales.record";

  public MachineReadService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public ImportResult importReads(ImportReads command) {
    if (command == null) {
      throw ValidationException.of("command", "is required");
    }
    Checks checks = new Checks();
    checks.check(!command.files().isEmpty(), "files", "at least one file is required");
    ReadParser parser = null;
    try {
      parser = ctx.parsers().require(command.format());
    } catch (ValidationException e) {
      checks.nested("", e.violations());
    }
    checks.throwIfAny();
    ReadParser chosen = parser;
    return write(ACTION, () ->
        new ReadImport(store(), chosen, command, ctx.now(), actor.userId()).run());
  }

  @Override
  public List<StoredRead> reads(UUID deviceId, Instant since, Instant until) {
    period(new Checks().notNull(deviceId, "deviceId"), since, until).throwIfAny();
    return read(() -> store().machineReads().between(deviceId, since, until));
  }

  @Override
  public List<CashLine> cash(UUID routeId, Instant since, Instant until) {
    period(new Checks(), since, until).throwIfAny();
    return read(() -> new CashAccounting(store()).lines(routeId, since, until));
  }

  private static Checks period(Checks checks, Instant since, Instant until) {
    checks.instant(since, "since").instant(until, "until");
    if (since != null && until != null) {
      checks.check(!until.isBefore(since), "until", "must not be before since");
    }
    return checks;
  }
}
