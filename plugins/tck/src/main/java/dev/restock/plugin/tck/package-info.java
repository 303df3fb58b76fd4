/**
 * The Restock technology compatibility kit: abstract JUnit Jupiter suites that a plugin author
 * extends in the plugin's own tests, each with a small factory method, to show the plugin keeps
 * the contracts of the SPI. Every kind of plugin extends one class per suite:
 *
 * <ul>
 *   <li><b>Pick-list strategies</b> extend {@link dev.restock.plugin.tck.PickListStrategyContract}
 *       and <b>visit policies</b> {@link dev.restock.plugin.tck.VisitPolicyContract}, fed the
 *       slots, cabinets and route contexts of {@link dev.restock.plugin.tck.Snapshots}.
 *   <li><b>Audit sinks</b> extend {@code AuditSinkContract}: events after commit only, none after
 *       a rollback, a failing sink isolated, events in order. {@link
 *       dev.restock.plugin.tck.EngineFixture} builds an in-memory engine for it.
 *   <li><b>Stores</b> extend {@link dev.restock.plugin.tck.StoreContract}, the store kit: every
 *       outbound port's contract, one interface per port ({@link
 *       dev.restock.plugin.tck.ProductsContract}, {@link dev.restock.plugin.tck.DevicesContract},
 *       {@link dev.restock.plugin.tck.PlanogramsContract}, {@link
 *       dev.restock.plugin.tck.UsersContract}, {@link
 *       dev.restock.plugin.tck.ServiceOrderStoreContract}, {@link
 *       dev.restock.plugin.tck.StockLevelsContract}, {@link
 *       dev.restock.plugin.tck.DeliveryNotesContract}, {@link
 *       dev.restock.plugin.tck.SalesLedgerContract}, {@link
 *       dev.restock.plugin.tck.AuditHistoryContract}, {@link
 *       dev.restock.plugin.tck.AuditLogContract}, {@link
 *       dev.restock.plugin.tck.NumberSeriesContract}, {@link
 *       dev.restock.plugin.tck.ReportQueriesContract}, {@link
 *       dev.restock.plugin.tck.TransactionBoundaryContract}, {@link
 *       dev.restock.plugin.tck.StoreHealthContract}), the history chain ({@link
 *       dev.restock.plugin.tck.HistoryChainContract}) and the tampering it must detect ({@link
 *       dev.restock.plugin.tck.HistoryTamperContract}, through the store author's {@link
 *       dev.restock.plugin.tck.HistoryTampering}). {@link dev.restock.plugin.tck.ChainContract}
 *       runs the chain and tamper cases alone. {@link dev.restock.plugin.tck.StoreFixture} writes
 *       rows through a store's ports; {@link dev.restock.plugin.tck.ForwardingStore} wraps a
 *       store to inject failures.
 *   <li><b>Stores under the whole engine</b> also extend the engine-level suites, each given an
 *       engine built on the store: {@link dev.restock.plugin.tck.EngineContract} (use cases end
 *       to end), {@link dev.restock.plugin.tck.InputContract} (bad input), {@link
 *       dev.restock.plugin.tck.SearchContract} (criteria, text search, injection), {@link
 *       dev.restock.plugin.tck.AuditContract} (permissions, history, events), {@link
 *       dev.restock.plugin.tck.TrustContract} (checkpoints, anchors, proofs), {@link
 *       dev.restock.plugin.tck.ServiceOrderContract} (orders, stock, delivery notes), {@link
 *       dev.restock.plugin.tck.ReportContract} (reports), {@link
 *       dev.restock.plugin.tck.AdministrationContract} (who may administer), {@link
 *       dev.restock.plugin.tck.UnitOfWorkContract} (use cases composed by the host) and {@link
 *       dev.restock.plugin.tck.ConcurrencyContract} (the same concurrent workload on every store,
 *       see {@link dev.restock.plugin.tck.ConcurrentWorkload}); and what the engine promises
 *       plugins on the store: {@link dev.restock.plugin.tck.VisitPolicyEngineContract} (which
 *       cabinets a policy sees) and {@link dev.restock.plugin.tck.MachinePlanningEngineContract}
 *       (previews and orders planned through a strategy's machine hook, wrong answers refused).
 * </ul>
 *
 * <p>The store suites order concurrent steps with latches and semaphores rather than sleeps;
 * where a case must tell two revisions apart by time it reads the instant back from what the
 * store recorded and waits for the wall clock to pass it (stores stamp revisions with the wall
 * clock).
 */
package dev.restock.plugin.tck;
