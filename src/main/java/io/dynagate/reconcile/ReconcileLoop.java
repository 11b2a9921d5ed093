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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs passes: at most one at a time per API in this process (triggers during a pass coalesce into
 * one more pass), and one per API across processes (a lease in the registry).
 */
@ApplicationScoped
public class ReconcileLoop {

  private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);
  private static final Duration LEASE_RETRY = Duration.ofMillis(500);

  private final ApiReconciler reconciler;
  private final TableReconciler tables;
  private final Leases leases;
  private final Registry registry;
  private final Duration leaseDuration;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "reconcile-timer"));
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  public ReconcileLoop(
      ApiReconciler reconciler,
      TableReconciler tables,
      Leases leases,
      Registry registry,
      DynagateConfig config) {
    this.reconciler = reconciler;
    this.tables = tables;
    this.leases = leases;
    this.registry = registry;
    this.leaseDuration = config.reconcile().leaseDuration();
    this.workers =
        Executors.newFixedThreadPool(config.reconcile().threads(), r -> daemon(r, "reconcile"));
  }

  /** Per API: whether a pass runs, and the future of the pass that will follow it, if asked for. */
  private static final class Slot {
    private boolean running;
    private CompletableFuture<Void> next;
  }

  /**
   * Asks for a pass over {@code api}; the future completes when a pass started after this call
   * ends.
   */
  public CompletableFuture<Void> trigger(String api) {
    Slot slot = slots.computeIfAbsent(api, a -> new Slot());
    synchronized (slot) {
      if (slot.next == null) {
        slot.next = new CompletableFuture<>();
      }
      CompletableFuture<Void> done = slot.next;
      if (!slot.running) {
        start(api, slot);
      }
      return done;
    }
  }

  /** A pass over a table declaration (create, verify, or drop when its DeletionPolicy says so). */
  public void triggerTable(String table) {
    workers.submit(
        () -> {
          try {
            tables.reconcile(table).forEach(this::trigger);
          } catch (RuntimeException e) {
            LOG.errorf(e, "table pass over %s failed", table);
          }
        });
  }

  /** Every declared API and table, e.g. for the periodic drift pass. */
  public void triggerAll() {
    registry.all(Kind.TABLE, null).stream()
        .map(Stored::ref)
        .forEach(ref -> triggerTable(ref.name()));
    registry.all(Kind.API, null).stream().map(Stored::ref).forEach(ref -> trigger(ref.name()));
  }

  private void start(String api, Slot slot) {
    CompletableFuture<Void> done = slot.next;
    slot.next = null;
    slot.running = true;
    workers.submit(() -> run(api, slot, done));
  }

  private void run(String api, Slot slot, CompletableFuture<Void> done) {
    if (!leases.acquire(api, leaseDuration)) {
      // Another instance reconciles this API now; come back when its pass is likely over.
      timer.schedule(
          () -> workers.submit(() -> run(api, slot, done)),
          LEASE_RETRY.toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    // A long pass (a table becoming ACTIVE) keeps its lease; a crashed holder's lease expires soon.
    ScheduledFuture<?> renewal = null;
    try {
      renewal =
          timer.scheduleAtFixedRate(
              () -> leases.acquire(api, leaseDuration),
              leaseDuration.toMillis() / 3,
              leaseDuration.toMillis() / 3,
              TimeUnit.MILLISECONDS);
      reconciler.reconcile(api);
    } catch (RuntimeException e) {
      LOG.errorf(e, "pass over api %s failed", api);
    } finally {
      if (renewal != null) {
        renewal.cancel(false);
      }
      leases.release(api);
      done.complete(null);
      synchronized (slot) {
        slot.running = false;
        if (slot.next != null) {
          start(api, slot);
        }
      }
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
