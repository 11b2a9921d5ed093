package io.dynagate.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Token buckets as DESIGN.md's quotas need them. */
class QuotasTest {

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
  void quotaRulesSpreadTheirCallsOverThePeriod() {
    assertEquals(
        new QuotaRule(1, Duration.ofSeconds(5)), Quotas.PER_OPERATION.get("CreateDeployment"));
    assertEquals(
        new QuotaRule(5, Duration.ofMillis(400)), Quotas.PER_OPERATION.get("GetResources"));
    assertEquals(new QuotaRule(40, Duration.ofMillis(100)), Quotas.TOTAL);
    assertEquals(Duration.ofSeconds(30), Quotas.PER_OPERATION.get("DeleteRestApi").interval());
  }
}
