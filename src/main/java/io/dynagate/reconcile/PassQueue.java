package io.dynagate.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * When passes start, per key (an API, a table): one at a time; asks while one runs coalesce into
 * one more pass. An ask {@link #now} starts that pass as soon as none runs; an ask {@link
 * #afterChange} waits until the key has been quiet for {@code quiet} (each further change restarts
 * the wait), at most {@code longest} after the first change it waits for, so that a burst of
 * changes costs one pass and a steady stream still gets one that often. A pass always starts after
 * every ask it answers, and reads the registry when it starts: it sees every change before it.
 */
final class PassQueue<K> {

  /** Runs a task once after a delay; the future cancels it. */
  @FunctionalInterface
  interface Timer {
    Future<?> schedule(Runnable task, Duration delay);
  }

  private final Duration quiet;
  private final Duration longest;
  private final Timer timer;
  private final LongSupplier nanos;
  private final Function<K, CompletionStage<?>> pass;
  private final Map<K, Slot> slots = new ConcurrentHashMap<>();

  /**
   * @param pass starts a pass over a key; its stage completes when the pass is over
   */
  PassQueue(
      Duration quiet,
      Duration longest,
      Timer timer,
      LongSupplier nanos,
      Function<K, CompletionStage<?>> pass) {
    this.quiet = quiet;
    this.longest = longest.compareTo(quiet) < 0 ? quiet : longest;
    this.timer = timer;
    this.nanos = nanos;
    this.pass = pass;
  }

  /** Per key: whether a pass runs, and the pass asked for after it, if any. */
  private static final class Slot {
    private boolean running;
    // Completed when the pass asked for ends; null while none is asked for.
    private CompletableFuture<Void> next;
    private long firstAsked;
    private long due;
    private boolean urgent;
    private Future<?> wakeUp;
  }

  /** Asks for a pass as soon as none runs; completes when a pass started after this call ends. */
  CompletableFuture<Void> now(K key) {
    return ask(key, true);
  }

  /** Asks for a pass once the key's changes have settled; completes as {@link #now} does. */
  CompletableFuture<Void> afterChange(K key) {
    return ask(key, false);
  }

  private CompletableFuture<Void> ask(K key, boolean urgent) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    synchronized (slot) {
      long now = nanos.getAsLong();
      if (slot.next == null) {
        slot.next = new CompletableFuture<>();
        slot.firstAsked = now;
        slot.urgent = false;
      }
      slot.urgent |= urgent;
      slot.due =
          slot.urgent ? now : Math.min(now + quiet.toNanos(), slot.firstAsked + longest.toNanos());
      CompletableFuture<Void> done = slot.next;
      if (!slot.running) {
        arm(key, slot);
      }
      return done;
    }
  }

  // Called holding the slot's lock. A start only moves later while changes come, so a wake-up
  // already set fires no later than the start and arms again: each change costs no timer call.
  private void arm(K key, Slot slot) {
    long wait = slot.due - nanos.getAsLong();
    if (wait <= 0) {
      if (slot.wakeUp != null) {
        slot.wakeUp.cancel(false);
        slot.wakeUp = null;
      }
      start(key, slot);
    } else if (slot.wakeUp == null) {
      slot.wakeUp = timer.schedule(() -> wakeUp(key, slot), Duration.ofNanos(wait));
    }
  }

  private void wakeUp(K key, Slot slot) {
    synchronized (slot) {
      slot.wakeUp = null;
      if (!slot.running && slot.next != null) {
        arm(key, slot);
      }
    }
  }

  // Called holding the slot's lock.
  private void start(K key, Slot slot) {
    CompletableFuture<Void> done = slot.next;
    slot.next = null;
    slot.running = true;
    CompletionStage<?> over;
    try {
      over = pass.apply(key);
    } catch (RuntimeException e) {
      over = CompletableFuture.failedFuture(e);
    }
    over.whenComplete((result, failure) -> finished(key, slot, done));
  }

  private void finished(K key, Slot slot, CompletableFuture<Void> done) {
    done.complete(null);
    synchronized (slot) {
      slot.running = false;
      if (slot.next != null) {
        arm(key, slot);
      }
    }
  }
}
