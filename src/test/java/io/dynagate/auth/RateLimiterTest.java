package io.dynagate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

  @Test
  void aBurstIsAllowedThenTheCallerWaitsForTheRefill() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limiter.acquire("t"));
    }
    assertEquals(Optional.of(Duration.ofMillis(500)), limiter.acquire("t"));
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertEquals(Optional.empty(), limiter.acquire("t"));
    assertTrue(limiter.acquire("t").isPresent());
  }

  @Test
  void eachTokenHasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    assertTrue(limiter.acquire("a").isPresent());
    assertEquals(Optional.empty(), limiter.acquire("b"));
  }

  @Test
  void anIdleTokenRegainsNoMoreThanTheBurst() {
    now.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limiter.acquire("t"));
    }
    assertTrue(limiter.acquire("t").isPresent());
  }
}
