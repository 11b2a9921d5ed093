package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.model.UsagePlan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per key per usage plan per period (a UTC day, a week from Monday, a calendar month), as
 * a plan's quota counts them; the plan's {@code offset} counts as already used in the period.
 */
final class QuotaMeter {

  private final Map<String, AtomicLong> used = new ConcurrentHashMap<>();

  /** Counts one request when it fits in the quota; false when the quota is spent. */
  boolean admit(String planId, String keyId, UsagePlan.Quota quota, Instant now) {
    if (quota == null) {
      return true;
    }
    String key = planId + '/' + keyId + '/' + quota.period() + '/' + periodStart(quota, now);
    AtomicLong count = used.computeIfAbsent(key, k -> new AtomicLong(quota.offset()));
    long after = count.incrementAndGet();
    if (after > quota.limit()) {
      count.decrementAndGet();
      return false;
    }
    return true;
  }

  private static LocalDate periodStart(UsagePlan.Quota quota, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return switch (quota.period()) {
      case "WEEK" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "MONTH" -> today.withDayOfMonth(1);
      default -> today;
    };
  }
}
