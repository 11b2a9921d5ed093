package io.dynagate.auth;

import io.dynagate.config.DynagateConfig;
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

  private final double perSecond;
  private final int burst;
  private final LongSupplier nanos;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Inject
  public RateLimiter(DynagateConfig config) {
    this(
        config.auth().rateLimit().perSecond(), config.auth().rateLimit().burst(), System::nanoTime);
  }

  RateLimiter(double perSecond, int burst, LongSupplier nanos) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("the rate limit needs perSecond > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
  }

  /** Takes one call from the key's bucket: empty when allowed, else how long to wait. */
  public Optional<Duration> acquire(String key) {
    return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanos.getAsLong())).take();
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized Optional<Duration> take() {
      long now = nanos.getAsLong();
      tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
    }
  }
}
