package dev.restock.core.reads;

import dev.restock.api.audit.Actor;
import dev.restock.api.reads.CashLine;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.reads.port.in.MachineReadImport;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Machine-read use cases. Placeholder on the integration base: built on branch i16-sales. */
public final class MachineReadService extends UseCase implements MachineReadImport {

  public MachineReadService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public ImportResult importReads(ImportReads command) {
    throw new UnsupportedOperationException("being built");
  }

  @Override
  public List<StoredRead> reads(UUID deviceId, Instant since, Instant until) {
    throw new UnsupportedOperationException("being built");
  }

  @Override
  public List<CashLine> cash(UUID routeId, Instant since, Instant until) {
    throw new UnsupportedOperationException("being built");
  }
}
