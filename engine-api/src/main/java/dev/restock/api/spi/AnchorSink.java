package dev.restock.api.spi;

import dev.restock.api.audit.Checkpoint;
import dev.restock.api.stability.Experimental;

/**
 * Receives every checkpoint the engine makes, to keep it somewhere the database's writers cannot
 * reach (a file on another volume, a transparency service, an e-mail). Called after the
 * checkpoint's unit of work committed, from one thread at a time. A failure is logged and counted,
 * never hidden: the checkpoint stays in the store and is sent again with the next one.
 */
@Experimental(since = "0.1")
public interface AnchorSink {

  /** Unique id of this sink, e.g. {@code jsonl-file}. */
  String id();

  /** Stores or sends one checkpoint; idempotent for the same checkpoint. */
  void publish(Checkpoint checkpoint) throws Exception;
}
