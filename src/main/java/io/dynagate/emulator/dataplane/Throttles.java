package io.dynagate.emulator.dataplane;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by what they limit (a stage's method, a key in a plan). A bucket is keyed by its
 * limits too, so that changed limits start a fresh bucket, as a redeployed setting does on AWS.
 */
final class Throttles {

  // Bounded by keys x plans x methods in use; cleared if that ever runs away.
  private static final int KEPT_BUCKETS = 100_000;

  private final Map<String, RateBucket> buckets = new ConcurrentHashMap<>();

  /**
   * Whether one more request fits; a null rate means no limit. A null burst is taken as the rate
   * rounded up (at least one), so that a rate alone still lets a request through.
   */
  boolean admit(String subject, Double rate, Integer burst) {
    if (rate == null && burst == null) {
      return true;
    }
    double perSecond = rate == null ? Double.MAX_VALUE : rate;
    int size = burst != null ? burst : (int) Math.max(1, Math.ceil(perSecond));
    String key = subject + '|' + perSecond + '|' + size;
    if (buckets.size() >= KEPT_BUCKETS) {
      buckets.clear();
    }
    long now = System.nanoTime();
    return buckets.computeIfAbsent(key, k -> new RateBucket(perSecond, size, now)).tryTake(now);
  }
}
