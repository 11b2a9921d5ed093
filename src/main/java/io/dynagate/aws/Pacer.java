package io.dynagate.aws;

import io.dynagate.limits.TokenBucket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Client-side pacing to API Gateway's account-wide control-plane quotas, so that a burst of
 * reconciles queues here instead of collecting TooManyRequests answers. One bucket per limited
 * operation plus the account total; each HTTP attempt takes a token from both (see {@link
 * CallInterceptor}).
 */
public final class Pacer {

  /**
   * Paces 5 % under the quota: a client exactly at the limit races the server's own bucket and
   * collects 429s (each a wasted call and a backoff).
   */
  private static final double MARGIN = 1.05;

  private final TokenBucket total;
  private final Map<String, TokenBucket> perOperation = new HashMap<>();

  private Pacer(TokenBucket total) {
    this.total = total;
  }

  /** AWS's quotas (DESIGN.md), every interval multiplied by {@code requestedScale}. */
  public static Pacer awsQuotas(double requestedScale) {
    double timeScale = requestedScale * MARGIN;
    Pacer pacer = new Pacer(bucket(40, Duration.ofMillis(100), timeScale));
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

  private void limit(String operation, int burst, Duration perToken, double timeScale) {
    perOperation.put(operation, bucket(burst, perToken, timeScale));
  }

  private static TokenBucket bucket(int burst, Duration perToken, double timeScale) {
    return new TokenBucket(burst, (long) (perToken.toNanos() * timeScale), System.nanoTime());
  }

  /**
   * Blocks until {@code operation} may be called.
   *
   * @return how long it waited
   */
  public Duration acquire(String operation) {
    long started = System.nanoTime();
    TokenBucket own = perOperation.get(operation);
    if (own != null) {
      sleep(own.reserve(System.nanoTime()));
    }
    if (total != null) {
      sleep(total.reserve(System.nanoTime()));
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static void sleep(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pacing");
      }
    }
  }
}
