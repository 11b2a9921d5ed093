package io.dynagate.reconcile;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt n waits a random time up to {@code initial *
 * multiplier^n}, capped, so that many reconcilers retrying together spread out.
 */
public record RetryPolicy(Duration initial, double multiplier, Duration cap, int maxAttempts) {

  public static RetryPolicy standard() {
    return new RetryPolicy(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10), 10);
  }

  public Duration delay(int attempt) {
    double bound = Math.min(cap.toMillis(), initial.toMillis() * Math.pow(multiplier, attempt));
    long millis = (long) (bound / 2 + ThreadLocalRandom.current().nextDouble(bound / 2 + 1));
    return Duration.ofMillis(millis);
  }

  /** Runs a call, retrying throttling and 5xx failures; other failures go straight through. */
  public <T> T run(java.util.function.Supplier<T> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.get();
      } catch (AwsFailure failure) {
        if (!failure.retryable() || attempt + 1 >= maxAttempts) {
          throw failure;
        }
        sleep(delay(attempt));
      }
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
