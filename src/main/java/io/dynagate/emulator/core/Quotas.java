package io.dynagate.emulator.core;

import io.dynagate.limits.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's control-plane quotas per account (DESIGN.md): a total bucket and one per operation.
 * Intervals are multiplied by the time scale in {@link EmulatorSettings}.
 */
@ApplicationScoped
public class Quotas {

  static final QuotaRule TOTAL = new QuotaRule(40, Duration.ofMillis(100));
  static final Map<String, QuotaRule> PER_OPERATION =
      Map.of(
          "CreateDeployment", QuotaRule.of(1, Duration.ofSeconds(5)),
          "PutRestApi", QuotaRule.of(1, Duration.ofSeconds(1)),
          "CreateRestApi", QuotaRule.of(1, Duration.ofSeconds(3)),
          "ImportRestApi", QuotaRule.of(1, Duration.ofSeconds(3)),
          "DeleteRestApi", QuotaRule.of(1, Duration.ofSeconds(30)),
          "CreateResource", QuotaRule.of(5, Duration.ofSeconds(1)),
          "DeleteResource", QuotaRule.of(5, Duration.ofSeconds(1)),
          "GetResources", QuotaRule.of(5, Duration.ofSeconds(2)));

  private final EmulatorSettings settings;
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private double bucketsScale = -1;

  public Quotas(EmulatorSettings settings) {
    this.settings = settings;
  }

  /**
   * Takes a call from the operation's bucket and the total one when both have one left.
   *
   * @return empty when the call may run, else how long until it could
   */
  public synchronized Optional<Duration> acquire(String operation) {
    if (!settings.quotasEnabled()) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    resetWhenScaleChanged();
    TokenBucket total = buckets.computeIfAbsent("", key -> bucket(TOTAL, now));
    QuotaRule rule = PER_OPERATION.get(operation);
    TokenBucket own =
        rule == null ? null : buckets.computeIfAbsent(operation, k -> bucket(rule, now));
    long wait = Math.max(total.waitNanos(now), own == null ? 0 : own.waitNanos(now));
    if (wait > 0) {
      return Optional.of(Duration.ofNanos(wait));
    }
    total.take();
    if (own != null) {
      own.take();
    }
    return Optional.empty();
  }

  /** Forgets spent calls, e.g. when a test turns quotas on. */
  public synchronized void reset() {
    buckets.clear();
  }

  private void resetWhenScaleChanged() {
    if (bucketsScale != settings.timeScale()) {
      buckets.clear();
      bucketsScale = settings.timeScale();
    }
  }

  private TokenBucket bucket(QuotaRule rule, long now) {
    long nanos = (long) (rule.interval().toNanos() * settings.timeScale());
    return new TokenBucket(rule.burst(), nanos, now);
  }
}
