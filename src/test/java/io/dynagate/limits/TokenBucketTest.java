package io.dynagate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The one token bucket, as the emulator's quotas and the client's pacing use it. */
class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBucketBurstsThenRefillsOneTokenPerInterval() {
    TokenBucket bucket = new TokenBucket(5, 2 * SECOND / 5, 0);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, bucket.waitNanos(0));
      bucket.take();
    }
    assertEquals(2 * SECOND / 5, bucket.waitNanos(0));
    assertEquals(0, bucket.waitNanos(2 * SECOND / 5));
  }

  @Test
  void reservationsQueueBehindTheTokensOwed() {
    TokenBucket bucket = new TokenBucket(1, SECOND, 0);
    assertEquals(0, bucket.reserve(0));
    assertEquals(SECOND, bucket.reserve(0));
    assertEquals(2 * SECOND, bucket.reserve(0));
    assertEquals(SECOND, bucket.reserve(2 * SECOND));
  }

  @Test
  void tryTakeNeverGoesIntoDebt() {
    TokenBucket bucket = new TokenBucket(2, SECOND, 0);
    assertTrue(bucket.tryTake(0));
    assertTrue(bucket.tryTake(0));
    assertFalse(bucket.tryTake(0));
    assertFalse(bucket.tryTake(SECOND / 2));
    assertTrue(bucket.tryTake(SECOND));
  }

  @Test
  void aBurstOfParallelReservationsIsSpreadWithoutLoss() throws Exception {
    TokenBucket bucket = new TokenBucket(1, SECOND, 0);
    long[] waits = new long[64];
    Thread[] threads = new Thread[waits.length];
    for (int i = 0; i < threads.length; i++) {
      int slot = i;
      threads[i] = new Thread(() -> waits[slot] = bucket.reserve(0));
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(
        LongStream.range(0, waits.length).map(i -> i * SECOND).sum(), Arrays.stream(waits).sum());
  }
}
