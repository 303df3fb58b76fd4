/**
 * The Restock technology compatibility kit: abstract JUnit Jupiter suites that a plugin author
 * extends in the plugin's own tests, each with a small factory method, to show the plugin keeps
 * the contracts of the SPI. What each kind of plugin extends, and what each suite needs:
 *
 * <ul>
 *   <li><b>Pick-list strategies</b> extend {@link dev.restock.plugin.tck.PickListStrategyContract}
 *       ({@code strategy()}): the id, a sales window of 0 to 366 days, never a negative quantity
 *       nor more than the room left, nothing for a full slot, purity and thread-safety of {@code
 *       plan}, and the machine hook {@code planMachine} on {@link
 *       dev.restock.plugin.tck.Snapshots#machines()} (several cabinets, products shared across
 *       slots and cabinets, case packs, room smaller than a case): only the machine's slots, within
 *       each slot's room, deterministic under concurrent calls, and equal to the per-slot plans
 *       for a strategy without a machine rule. {@link dev.restock.plugin.tck.Snapshots} gives the
 *       slots, cabinets, machines and contexts to write a strategy's own tests with.
 *   <li><b>Visit policies</b> extend {@link dev.restock.plugin.tck.VisitPolicyContract}
 *       ({@code policy()}): the id, a sales window of 0 to 366 days, answers that ignore sales
 *       when it asks for no window, determinism under concurrent calls, and no exception on any
 *       cabinet and context of {@link dev.restock.plugin.tck.Snapshots} and of {@link
 *       dev.restock.plugin.tck.PolicyInputs}, the edges a policy's thresholds meet (no stocked
 *       slot, at par and one below, full, sold out, sales null, 0 and huge), with which a policy's
 *       own tests pin its thresholds. What the engine promises a policy (which cabinets it is asked
 *       about, the sales it sees) is {@link dev.restock.plugin.tck.VisitPolicyEngineContract}'s
 *       part, which every store runs ({@code openEngine(clock, plugins...)}).
 *   <li><b>Audit sinks</b> extend {@link dev.restock.plugin.tck.AuditSinkContract} ({@code
 *       createSink()}, {@code received()}): each committed event once with its committed revision,
 *       nothing of a rolled-back unit, a failing neighbour isolated and counted, one thread's
 *       commit order, concurrent commits, composed units, and the lifecycle (open at build, flush
 *       per commit, close at engine close, nothing after). It runs on {@link
 *       dev.restock.plugin.tck.EngineFixture#inMemoryEngine}, a real engine on an in-memory store
 *       that the {@code restock-tck-engine} test dependency brings; this kit's own classes depend
 *       on engine-api only.
 *   <li><b>Stores</b> extend {@link dev.restock.plugin.tck.StoreContract}, the store kit, with
 *       {@code freshStore()} (a factory of new, empty stores), {@code tampering()} (a {@link
 *       dev.restock.plugin.tck.HistoryTampering} that edits the store's recorded history behind
 *       its ports) and, optionally, {@code cleanUp()}. It implements one interface per outbound
 *       port ({@link dev.restock.plugin.tck.ProductsContract}, {@link
 *       dev.restock.plugin.tck.DevicesContract}, {@link dev.restock.plugin.tck.PlanogramsContract},
 *       {@link dev.restock.plugin.tck.UsersContract}, {@link
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
 *       dev.restock.plugin.tck.HistoryChainContract}), the tampering it must detect ({@link
 *       dev.restock.plugin.tck.HistoryTamperContract}) and the promises of the ports' Javadoc
 *       beyond those ({@link dev.restock.plugin.tck.StorePromisesContract}: exact lookups, time
 *       bounds, equal-time order, after-commit order, writes that record no revision, code-point
 *       order of text, grid order of positions). All of them read the store from {@link
 *       dev.restock.plugin.tck.StoreUnderTest}. {@link dev.restock.plugin.tck.ChainContract} runs
 *       the chain and tamper cases alone, with the same two methods. {@link
 *       dev.restock.plugin.tck.StoreFixture} writes rows through a store's ports; {@link
 *       dev.restock.plugin.tck.ForwardingStore} wraps a store to inject failures.
 *   <li><b>Stores under the whole engine</b> also extend the engine-level suites, each given an
 *       engine built on the store: {@link dev.restock.plugin.tck.EngineContract} (use cases end
 *       to end), {@link dev.restock.plugin.tck.InputContract} (bad input), {@link
 *       dev.restock.plugin.tck.SearchContract} (criteria, text search, injection; a store may
 *       answer {@code storedCounts()} and {@code statementsRun()}), {@link
 *       dev.restock.plugin.tck.AuditContract} (permissions, history, events), {@link
 *       dev.restock.plugin.tck.TrustContract} (checkpoints, anchors, proofs), {@link
 *       dev.restock.plugin.tck.ServiceOrderContract} (orders, stock, delivery notes), {@link
 *       dev.restock.plugin.tck.ReportContract} (reports), {@link
 *       dev.restock.plugin.tck.AdministrationContract} (who may administer), {@link
 *       dev.restock.plugin.tck.UnitOfWorkContract} (use cases composed by the host), {@link
 *       dev.restock.plugin.tck.ConcurrencyContract} (the same concurrent workload on every store,
 *       see {@link dev.restock.plugin.tck.ConcurrentWorkload}); and what the engine promises
 *       plugins on the store: {@link dev.restock.plugin.tck.VisitPolicyEngineContract} (which
 *       cabinets a policy sees, with which sales) and {@link
 *       dev.restock.plugin.tck.MachinePlanningEngineContract} (previews and orders planned through
 *       a strategy's machine hook, wrong answers refused), and {@link
 *       dev.restock.plugin.tck.MachineReadImportContract} (machine reads imported, sales
 *       derived, implausible reads refused, cash lines; with reads in the {@link
 *       dev.restock.plugin.tck.LineReads} test format). {@link
 *       dev.restock.plugin.tck.EngineFixture#fleet} writes a small fleet through the use cases
 *       for tests of their own.
 * </ul>
 *
 * <p>The store suites order concurrent steps with latches and semaphores rather than sleeps;
 * where a case must tell two revisions apart by time it reads the instant back from what the
 * store recorded and waits for the wall clock to pass it (stores stamp revisions with the wall
 * clock).
 */
package dev.restock.plugin.tck;
