package io.dynagate.emulator.core;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains one every {@code refillNanos}. Not
 * thread-safe; {@link Quotas} serialises access.
 */
final class TokenBucket {

  private final int capacity;
  private final long refillNanos;
  private double tokens;
  private long updatedAt;

  TokenBucket(int capacity, long refillNanos, long now) {
    this.capacity = capacity;
    this.refillNanos = Math.max(1, refillNanos);
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Nanoseconds until a token is available; 0 when one is available now. */
  long waitNanos(long now) {
    refill(now);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillNanos);
  }

  void take() {
    tokens -= 1;
  }

  private void refill(long now) {
    tokens = Math.min(capacity, tokens + (double) (now - updatedAt) / refillNanos);
    updatedAt = now;
  }
}
