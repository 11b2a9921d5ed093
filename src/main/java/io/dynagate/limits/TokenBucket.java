package io.dynagate.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains one every {@code refillNanos}.
 * Times are {@link System#nanoTime()} readings passed in, so that callers and tests choose the
 * clock. Thread-safe; a caller that checks several buckets at once (all or none) holds its own lock
 * around {@link #waitNanos} and {@link #take}.
 */
public final class TokenBucket {

  private final double capacity;
  private final long refillNanos;
  private double tokens;
  private long updatedAt;

  public TokenBucket(double capacity, long refillNanos, long now) {
    if (capacity < 1 || refillNanos < 0) {
      throw new IllegalArgumentException("a bucket needs capacity >= 1 and refillNanos >= 0");
    }
    this.capacity = capacity;
    this.refillNanos = Math.max(1, refillNanos);
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Nanoseconds until a token is available; 0 when one is available now. */
  public synchronized long waitNanos(long now) {
    refill(now);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillNanos);
  }

  /** Takes a token (after {@link #waitNanos} answered 0). */
  public synchronized void take() {
    tokens -= 1;
  }

  /** Takes a token if one is available now. */
  public synchronized boolean tryTake(long now) {
    if (waitNanos(now) > 0) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /**
   * Takes a token now, owing it when there is none: answers how long the caller must wait before
   * using it. Callers queue in the order they reserved, each behind the tokens owed before it.
   */
  public synchronized long reserve(long now) {
    refill(now);
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * refillNanos);
  }

  private void refill(long now) {
    tokens = Math.min(capacity, tokens + (double) (now - updatedAt) / refillNanos);
    updatedAt = now;
  }
}
