package io.dynagate.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DESIGN.md's quotas, as the emulator enforces them. */
class QuotasTest {

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
