package io.dynagate.emulator.dataplane;

/**
 * A token bucket as API Gateway throttles: {@code burst} requests at once, refilled at {@code rate}
 * per second. Thread-safe.
 */
final class RateBucket {

  private final double rate;
  private final double capacity;
  private double tokens;
  private long updatedAt;

  RateBucket(double rate, int burst, long now) {
    this.rate = rate;
    this.capacity = burst;
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes one token if there is one. */
  synchronized boolean tryTake(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - updatedAt) / 1e9 * rate);
    updatedAt = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
