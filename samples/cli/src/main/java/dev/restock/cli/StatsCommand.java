package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.ops.Statistics;
import picocli.CommandLine.Command;

@Command(name = "stats", description = "Statement, transaction, entity and cache figures, and the "
    + "slowest queries, of this run of the tool (statistics live with the process).")
final class StatsCommand extends EngineCommand {
  @Override
  void run(Restock engine) {
    // the tool opens the store for this command only: read something so there is a figure
    engine.as(dev.restock.api.audit.Actor.system()).products()
        .list(dev.restock.api.query.PageRequest.first(), dev.restock.api.query.Visibility.LIVE);
    Statistics s = engine.statistics();
    if (format() == OutputFormat.CSV) {
      // one row of figures (the slowest queries as JSON in their cell) is what a script
      // collecting statistics wants, rather than the query table alone
      print(s, () -> { });
      return;
    }
    print(s, () -> {
      out().printf("statements %d, transactions %d, queries %d%n", s.statements(),
          s.transactions(), s.queryExecutions());
      out().printf("entities: %d loaded, %d inserted, %d updated, %d deleted%n", s.entityLoads(),
          s.entityInserts(), s.entityUpdates(), s.entityDeletes());
      out().printf("second-level cache: %d hits, %d misses (%.0f%%)%n", s.cacheHits(),
          s.cacheMisses(), s.cacheHitRate() * 100);
      Table t = newTable("MAX MS", "MEAN MS", "RUNS", "QUERY");
      s.slowest().forEach(q -> t.row(q.maxMillis(), String.format("%.1f", q.meanMillis()),
          q.executions(), q.query()));
      print(t);
    });
  }
}
