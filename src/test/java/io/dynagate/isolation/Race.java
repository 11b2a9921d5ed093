package io.dynagate.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Runs tries of two calls made at the same moment, several tries at once. */
final class Race {

  private Race() {}

  /** What the two calls of one try answered. */
  record Outcome(int first, int second) {}

  /**
   * Runs {@code tries} tries; try {@code i} makes the two calls {@code calls.apply(i)} at once (a
   * barrier releases both), {@code parallel} tries at a time.
   */
  static List<Outcome> run(int tries, int parallel, IntFunction<List<Supplier<Integer>>> calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel * 2);
    try {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      ExecutorService tryPool = Executors.newFixedThreadPool(parallel);
      try {
        for (int i = 0; i < tries; i++) {
          int index = i;
          outcomes.add(tryPool.submit(() -> once(pool, calls.apply(index))));
        }
        List<Outcome> out = new ArrayList<>();
        for (Future<Outcome> outcome : outcomes) {
          out.add(outcome.get());
        }
        return out;
      } finally {
        tryPool.shutdownNow();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome once(ExecutorService pool, List<Supplier<Integer>> pair) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    List<Future<Integer>> answers = new ArrayList<>();
    for (Supplier<Integer> call : pair) {
      answers.add(
          pool.submit(
              () -> {
                barrier.await();
                return call.get();
              }));
    }
    return new Outcome(answers.get(0).get(), answers.get(1).get());
  }
}
