package io.dynagate.auth;

import io.dynagate.config.DynagateConfig;
import io.dynagate.limits.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Mutating calls per team (and for the admin apart): one token bucket per team in this instance's
 * memory, shared by all of the team's tokens. Several instances each allow the configured rate; the
 * limit protects the registry and the reconciler from one runaway script, not a global quota.
 */
@ApplicationScoped
public class RateLimiter {

  private final double burst;
  private final long refillNanos;
  private final LongSupplier nanos;
  private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  @Inject
  public RateLimiter(DynagateConfig config) {
    this(
        config.auth().rateLimit().perSecond(), config.auth().rateLimit().burst(), System::nanoTime);
  }

  RateLimiter(double perSecond, int burst, LongSupplier nanos) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("the rate limit needs perSecond > 0 and burst >= 1");
    }
    this.burst = burst;
    this.refillNanos = Math.round(1e9 / perSecond);
    this.nanos = nanos;
  }

  /** Takes one call from the key's bucket: empty when allowed, else how long to wait. */
  public Optional<Duration> acquire(String key) {
    long now = nanos.getAsLong();
    TokenBucket bucket =
        buckets.computeIfAbsent(key, k -> new TokenBucket(burst, refillNanos, now));
    if (bucket.tryTake(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(bucket.waitNanos(now)));
  }
}
