package io.dynagate.emulator.core;

import java.time.Duration;

/**
 * An AWS quota as a token bucket: {@code burst} calls at once, then one per {@code interval}.
 *
 * @param burst bucket capacity
 * @param interval time to regain one call, before the time scale applies
 */
public record QuotaRule(int burst, Duration interval) {

  /** {@code calls} per {@code period}, bursting to {@code calls}. */
  public static QuotaRule of(int calls, Duration period) {
    return new QuotaRule(calls, period.dividedBy(calls));
  }
}
