package io.dynagate.reconcile;

import io.dynagate.config.DynagateConfig;
import io.dynagate.store.Kind;
import io.dynagate.store.Leases;
import io.dynagate.store.Registry;
import io.dynagate.store.Stored;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs passes: at most one at a time per API or table in this process, started as {@link PassQueue}
 * decides (triggers during a pass coalesce into one more pass; a change waits for its burst to
 * settle), and one per API across processes (a lease in the registry).
 */
@ApplicationScoped
public class ReconcileLoop {

  private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);
  private static final Duration LEASE_RETRY = Duration.ofMillis(500);

  private final ApiReconciler reconciler;
  private final TableReconciler tables;
  private final Leases leases;
  private final Registry registry;
  private final PassMeters meters;
  private final Duration leaseDuration;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "reconcile-timer"));
  private final PassQueue<String> apiPasses;
  private final PassQueue<String> tablePasses;

  public ReconcileLoop(
      ApiReconciler reconciler,
      TableReconciler tables,
      Leases leases,
      Registry registry,
      PassMeters meters,
      DynagateConfig config) {
    this.reconciler = reconciler;
    this.tables = tables;
    this.leases = leases;
    this.registry = registry;
    this.meters = meters;
    this.leaseDuration = config.reconcile().leaseDuration();
    this.workers =
        Executors.newFixedThreadPool(config.reconcile().threads(), r -> daemon(r, "reconcile"));
    Duration quiet = config.reconcile().debounce();
    Duration longest = config.reconcile().debounceMax();
    PassQueue.Timer wakeUps =
        (task, delay) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    this.apiPasses = new PassQueue<>(quiet, longest, wakeUps, System::nanoTime, this::apiPass);
    this.tablePasses = new PassQueue<>(quiet, longest, wakeUps, System::nanoTime, this::tablePass);
  }

  /** Asks for a pass over {@code api} now; completes when a pass started after this call ends. */
  public CompletableFuture<Void> trigger(String api) {
    return apiPasses.now(api);
  }

  /** Asks for a pass over {@code api} once its changes have settled (see {@link PassQueue}). */
  public CompletableFuture<Void> triggerAfterChange(String api) {
    return apiPasses.afterChange(api);
  }

  /** A pass over a table declaration (create, verify, or drop when its DeletionPolicy says so). */
  public void triggerTable(String table) {
    tablePasses.now(table);
  }

  /** Every declared API and table, e.g. for the periodic drift pass. */
  public void triggerAll() {
    registry.all(Kind.TABLE, null).stream()
        .map(Stored::ref)
        .forEach(ref -> triggerTable(ref.name()));
    registry.all(Kind.API, null).stream().map(Stored::ref).forEach(ref -> trigger(ref.name()));
  }

  private CompletableFuture<Void> tablePass(String table) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            tables.reconcile(table).forEach(this::trigger);
          } catch (RuntimeException e) {
            LOG.errorf(e, "table pass over %s failed", table);
          }
        },
        workers);
  }

  private CompletableFuture<Void> apiPass(String api) {
    CompletableFuture<Void> over = new CompletableFuture<>();
    workers.submit(() -> run(api, over));
    return over;
  }

  private void run(String api, CompletableFuture<Void> over) {
    if (!leases.acquire(api, leaseDuration)) {
      // Another instance reconciles this API now; come back when its pass is likely over.
      timer.schedule(
          () -> workers.submit(() -> run(api, over)),
          LEASE_RETRY.toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    // A long pass (a table becoming ACTIVE) keeps its lease; a crashed holder's lease expires soon.
    ScheduledFuture<?> renewal = null;
    long started = System.nanoTime();
    String outcome = "failed";
    try {
      renewal =
          timer.scheduleAtFixedRate(
              () -> leases.acquire(api, leaseDuration),
              leaseDuration.toMillis() / 3,
              leaseDuration.toMillis() / 3,
              TimeUnit.MILLISECONDS);
      // The phase the pass left the API in is the outcome ("removed" once a deletion is done).
      outcome =
          reconciler
              .reconcile(api)
              .map(phase -> phase.label().toLowerCase(Locale.ROOT))
              .orElse("removed");
    } catch (RuntimeException e) {
      LOG.errorf(e, "pass over api %s failed", api);
    } finally {
      if (renewal != null) {
        renewal.cancel(false);
      }
      leases.release(api);
      meters.passed(api, outcome, Duration.ofNanos(System.nanoTime() - started));
      over.complete(null);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
