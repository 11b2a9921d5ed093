package io.dynagate.reconcile;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Client-side pacing to API Gateway's account-wide control-plane quotas, so that a burst of
 * reconciles queues here instead of collecting TooManyRequests answers. Token buckets: one per
 * limited operation plus the account total; a call takes a token from both.
 */
public final class Pacer {

  private final Bucket total;
  private final Map<String, Bucket> perOperation = new HashMap<>();

  /**
   * Paces 5 % under the quota: a client exactly at the limit races the server's own bucket and
   * collects 429s (each a wasted call and a backoff).
   */
  private static final double MARGIN = 1.05;

  /** AWS's quotas (DESIGN.md), every interval multiplied by {@code timeScale}. */
  public static Pacer awsQuotas(double requestedScale) {
    double timeScale = requestedScale * MARGIN;
    Pacer pacer = new Pacer(new Bucket(40, Duration.ofMillis(100), timeScale));
    pacer.limit("CreateDeployment", 1, Duration.ofSeconds(5), timeScale);
    pacer.limit("PutRestApi", 1, Duration.ofSeconds(1), timeScale);
    pacer.limit("CreateRestApi", 1, Duration.ofSeconds(3), timeScale);
    pacer.limit("ImportRestApi", 1, Duration.ofSeconds(3), timeScale);
    pacer.limit("DeleteRestApi", 1, Duration.ofSeconds(30), timeScale);
    pacer.limit("CreateResource", 5, Duration.ofMillis(200), timeScale);
    pacer.limit("DeleteResource", 5, Duration.ofMillis(200), timeScale);
    pacer.limit("GetResources", 5, Duration.ofMillis(400), timeScale);
    return pacer;
  }

  /** No pacing at all. */
  public static Pacer unlimited() {
    return new Pacer(null);
  }

  private Pacer(Bucket total) {
    this.total = total;
  }

  private void limit(String operation, int burst, Duration perToken, double timeScale) {
    perOperation.put(operation, new Bucket(burst, perToken, timeScale));
  }

  /** Blocks until {@code operation} may be called. */
  public void acquire(String operation) {
    Bucket own = perOperation.get(operation);
    if (own != null) {
      own.take();
    }
    if (total != null) {
      total.take();
    }
  }

  /** A token bucket: {@code capacity} tokens, one more every {@code perToken}. */
  private static final class Bucket {
    private final int capacity;
    private final long nanosPerToken;
    private double tokens;
    private long refilledAt = System.nanoTime();

    Bucket(int capacity, Duration perToken, double timeScale) {
      this.capacity = capacity;
      this.nanosPerToken = Math.max(1, (long) (perToken.toNanos() * timeScale));
      this.tokens = capacity;
    }

    void take() {
      long wait;
      synchronized (this) {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (double) (now - refilledAt) / nanosPerToken);
        refilledAt = now;
        tokens -= 1;
        wait = tokens >= 0 ? 0 : (long) (-tokens * nanosPerToken);
      }
      if (wait > 0) {
        RetryPolicy.sleep(Duration.ofNanos(wait));
      }
    }
  }
}
