package io.dynagate.emulator.apigateway.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A usage plan: the stages it covers, the request rate, burst and quota each of its keys gets, and
 * the keys linked to it.
 *
 * @param id 6 lower-case alphanumerics on AWS; 10 here, as other ids
 * @param name the name
 * @param description optional
 * @param apiStages the API stages it covers, with optional per-method throttles
 * @param throttle rate and burst per key, or null for none
 * @param quota requests per key per period, or null for none
 * @param tags tags
 * @param keyIds the linked API keys, in the order they were linked
 */
public record UsagePlan(
    String id,
    String name,
    String description,
    List<ApiStage> apiStages,
    Throttle throttle,
    Quota quota,
    Map<String, String> tags,
    List<String> keyIds) {

  /**
   * A stage a plan covers.
   *
   * @param apiId the REST API
   * @param stage the stage name
   * @param throttle per method, keyed {@code /RESOURCE_PATH/METHOD} (e.g. {@code /users/{id}/GET})
   */
  public record ApiStage(String apiId, String stage, Map<String, Throttle> throttle) {
    public ApiStage {
      throttle = Maps.copy(throttle);
    }

    public boolean covers(String restApiId, String stageName) {
      return apiId.equals(restApiId) && stage.equals(stageName);
    }
  }

  /**
   * Requests per second and burst.
   *
   * @param burstLimit the bucket's size, or null
   * @param rateLimit requests per second, or null
   */
  public record Throttle(Integer burstLimit, Double rateLimit) {}

  /**
   * Requests per period.
   *
   * @param limit requests allowed
   * @param offset requests already used in the first period
   * @param period {@code DAY}, {@code WEEK} or {@code MONTH}
   */
  public record Quota(int limit, int offset, String period) {}

  public UsagePlan {
    apiStages = Maps.list(apiStages);
    tags = Maps.copy(tags);
    keyIds = Maps.list(keyIds);
  }

  public UsagePlan withKeys(List<String> next) {
    return new UsagePlan(id, name, description, apiStages, throttle, quota, tags, next);
  }

  public UsagePlan withTags(Map<String, String> next) {
    return new UsagePlan(id, name, description, apiStages, throttle, quota, next, keyIds);
  }

  /** The stage this plan covers, if it does. */
  public Optional<ApiStage> stage(String restApiId, String stageName) {
    return apiStages.stream().filter(s -> s.covers(restApiId, stageName)).findFirst();
  }
}
