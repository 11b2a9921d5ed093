package io.dynagate.reconcile;

import java.util.List;
import java.util.Map;

/**
 * API Gateway's API keys, usage plans and their links: what a consumer of an API is on AWS. Every
 * resource carries ownership tags so that a pass after a crash adopts what it made (found by {@link
 * #plansTagged}/{@link #keysTagged}) instead of making a duplicate.
 */
public interface ConsumerPort {

  /** A plan's limits: rate and burst per key, requests per period ({@code DAY|WEEK|MONTH}). */
  record Limits(Double rateLimit, Integer burstLimit, Integer quotaLimit, String quotaPeriod) {}

  /** A usage plan as it is live: the stages it covers, its limits, its tags and linked keys. */
  record LivePlan(
      String id,
      String name,
      List<String> apiStages,
      Limits limits,
      Map<String, String> tags,
      List<String> keyIds) {}

  /** An API key as it is live (never its value). */
  record LiveKey(String id, String name, boolean enabled, Map<String, String> tags) {}

  /** Every usage plan carrying the tag {@code key=value}. */
  List<LivePlan> plansTagged(String key, String value);

  /** Every API key carrying the tag {@code key=value}. */
  List<LiveKey> keysTagged(String key, String value);

  /** A plan covering {@code apiId:stage}. */
  LivePlan createPlan(
      String name, String apiId, String stage, Limits limits, Map<String, String> tags);

  /** Changes only the limits that differ from {@code live}; no call when none do. */
  void updateLimits(LivePlan live, Limits wanted);

  void deletePlan(String planId);

  /** An enabled key with the given value (shown once to the consumer, never read back). */
  LiveKey createKey(String name, String value, Map<String, String> tags);

  void deleteKey(String keyId);

  void link(String planId, String keyId);

  void unlink(String planId, String keyId);
}
