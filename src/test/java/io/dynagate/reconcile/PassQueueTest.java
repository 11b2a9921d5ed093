package io.dynagate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * When passes start, on a clock and timer of the test's own: counted, never timed. Quiet period 200
 * ms, at most 2 s.
 */
class PassQueueTest {

  private static final Duration QUIET = Duration.ofMillis(200);
  private static final Duration LONGEST = Duration.ofSeconds(2);

  /** A clock and a timer that move only when the test says so. */
  private static final class ManualTime implements PassQueue.Timer {
    private record Task(long due, Runnable run, CompletableFuture<Void> handle) {}

    private long now;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
      Task scheduled = new Task(now + delay.toNanos(), task, new CompletableFuture<>());
      tasks.add(scheduled);
      return scheduled.handle();
    }

    long nanos() {
      return now;
    }

    void advance(Duration duration) {
      long until = now + duration.toNanos();
      while (true) {
        Task next =
            tasks.stream()
                .filter(t -> t.due() <= until)
                .min(Comparator.comparingLong(Task::due))
                .orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
        now = Math.max(now, next.due());
        if (!next.handle().isCancelled()) {
          next.run().run();
        }
      }
      now = until;
    }
  }

  private final ManualTime time = new ManualTime();
  // The passes started, each finished when the test completes it.
  private final List<CompletableFuture<Void>> passes = new ArrayList<>();
  private final PassQueue<String> queue =
      new PassQueue<>(QUIET, LONGEST, time, time::nanos, this::pass);

  private CompletionStage<?> pass(String key) {
    CompletableFuture<Void> pass = new CompletableFuture<>();
    passes.add(pass);
    return pass;
  }

  @Test
  void fiftyChangesInABurstStartOnePassOnceTheyHaveSettled() {
    List<CompletableFuture<Void>> asks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      asks.add(queue.afterChange("shop"));
      time.advance(Duration.ofMillis(10));
    }
    assertEquals(0, passes.size(), "a pass started while changes kept coming");
    time.advance(QUIET);
    assertEquals(1, passes.size());
    passes.get(0).complete(null);
    asks.forEach(ask -> assertTrue(ask.isDone()));
    time.advance(Duration.ofHours(1));
    assertEquals(1, passes.size(), "a second pass for the same burst");
  }

  @Test
  void aSteadyStreamOfChangesStillGetsAPassAtTheLongestWait() {
    for (int i = 0; i < 30; i++) {
      queue.afterChange("shop");
      time.advance(Duration.ofMillis(100));
      if (!passes.isEmpty()) {
        passes.get(passes.size() - 1).complete(null);
      }
    }
    // 3 s of changes 100 ms apart: never quiet for 200 ms, yet a pass at 2 s.
    assertEquals(1, passes.size());
    time.advance(Duration.ofSeconds(2));
    assertEquals(2, passes.size(), "the changes after the first pass were left without one");
  }

  @Test
  void anAskNowStartsAtOnceAndAnswersTheChangesWaitingBeforeIt() {
    CompletableFuture<Void> change = queue.afterChange("shop");
    time.advance(Duration.ofMillis(50));
    CompletableFuture<Void> now = queue.now("shop");
    assertEquals(1, passes.size());
    passes.get(0).complete(null);
    assertTrue(change.isDone());
    assertTrue(now.isDone());
    time.advance(Duration.ofHours(1));
    assertEquals(1, passes.size(), "the change got a pass of its own after the one asked now");
  }

  @Test
  void asksDuringAPassCoalesceIntoOneMoreThatStartsAfterThem() {
    queue.now("shop");
    List<CompletableFuture<Void>> during = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      during.add(i % 2 == 0 ? queue.now("shop") : queue.afterChange("shop"));
    }
    assertEquals(1, passes.size(), "two passes over one key at once");
    passes.get(0).complete(null);
    during.forEach(ask -> assertFalse(ask.isDone(), "answered by a pass that began before it"));
    assertEquals(2, passes.size());
    passes.get(1).complete(null);
    during.forEach(ask -> assertTrue(ask.isDone()));
    time.advance(Duration.ofHours(1));
    assertEquals(2, passes.size());
  }

  @Test
  void aChangeDuringAPassStillWaitsForItsBurstToSettle() {
    queue.now("shop");
    queue.afterChange("shop");
    passes.get(0).complete(null);
    assertEquals(1, passes.size(), "the change's pass started before its quiet period");
    time.advance(QUIET);
    assertEquals(2, passes.size());
  }

  @Test
  void keysAreIndependent() {
    queue.afterChange("shop");
    queue.now("billing");
    assertEquals(1, passes.size());
    time.advance(QUIET);
    assertEquals(2, passes.size());
  }

  @Test
  void aPassThatFailsToStartStillLetsTheNextOneRun() {
    PassQueue<String> failing =
        new PassQueue<>(
            QUIET,
            LONGEST,
            time,
            time::nanos,
            key -> {
              if (passes.isEmpty()) {
                passes.add(CompletableFuture.completedFuture(null));
                throw new IllegalStateException("workers shut down");
              }
              return pass(key);
            });
    assertTrue(failing.now("shop").isDone());
    failing.now("shop");
    assertEquals(2, passes.size());
  }
}
