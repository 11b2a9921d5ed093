package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.UsagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code UpdateUsagePlan}'s patch operations: {@code replace} on {@code /name}, {@code
 * /description}, {@code /throttle/rateLimit}, {@code /throttle/burstLimit}, {@code /quota/limit},
 * {@code /quota/period}, {@code /quota/offset}; {@code add} and {@code remove} on {@code
 * /apiStages} with the value {@code API_ID:STAGE}; {@code remove} on {@code /throttle} and {@code
 * /quota}. Also reads the {@code throttle} and {@code quota} members of {@code CreateUsagePlan}.
 */
final class UsagePlanPatch {

  private static final Set<String> PERIODS = Set.of("DAY", "WEEK", "MONTH");

  private UsagePlanPatch() {}

  static UsagePlan apply(UsagePlan plan, JsonNode operations) {
    String name = plan.name();
    String description = plan.description();
    List<UsagePlan.ApiStage> stages = new ArrayList<>(plan.apiStages());
    UsagePlan.Throttle throttle = plan.throttle();
    UsagePlan.Quota quota = plan.quota();
    for (JsonNode op : operations) {
      String kind = op.path("op").asText();
      String path = op.path("path").asText();
      String value = ApiGatewayJson.text(op, "value");
      switch (kind + " " + path) {
        case "replace /name" -> name = value;
        case "replace /description" -> description = value;
        case "replace /throttle/rateLimit" ->
            throttle = new UsagePlan.Throttle(burst(throttle), number(value, path));
        case "replace /throttle/burstLimit" ->
            throttle = new UsagePlan.Throttle((int) number(value, path), rate(throttle));
        case "remove /throttle" -> throttle = null;
        case "replace /quota/limit" -> quota = quota(quota, (int) number(value, path), null, null);
        case "replace /quota/offset" -> quota = quota(quota, null, (int) number(value, path), null);
        case "replace /quota/period" -> quota = quota(quota, null, null, period(value));
        case "remove /quota" -> quota = null;
        case "add /apiStages" -> stages.add(stage(value));
        case "remove /apiStages" -> {
          UsagePlan.ApiStage gone = stage(value);
          if (!stages.removeIf(s -> s.covers(gone.apiId(), gone.stage()))) {
            throw ApiGatewayErrors.notFound(
                "Invalid API Stage {api: "
                    + gone.apiId()
                    + ", stage: "
                    + gone.stage()
                    + "} specified for usageplan "
                    + plan.id());
          }
        }
        default ->
            throw ApiGatewayErrors.badRequest(
                "Invalid patch path '" + path + "' specified for op '" + kind + "'");
      }
    }
    return new UsagePlan(
        plan.id(), name, description, stages, throttle, quota, plan.tags(), plan.keyIds());
  }

  static UsagePlan.Throttle throttle(JsonNode node) {
    if (node == null || node.isNull() || node.isEmpty()) {
      return null;
    }
    Integer burst = node.has("burstLimit") ? node.get("burstLimit").asInt() : null;
    Double rate = node.has("rateLimit") ? node.get("rateLimit").asDouble() : null;
    if ((burst != null && burst < 0) || (rate != null && rate < 0)) {
      throw ApiGatewayErrors.badRequest("Throttle limits must be non-negative");
    }
    return new UsagePlan.Throttle(burst, rate);
  }

  static UsagePlan.Quota quota(JsonNode node) {
    if (node == null || node.isNull() || node.isEmpty()) {
      return null;
    }
    int limit = node.path("limit").asInt(-1);
    if (limit < 0) {
      throw ApiGatewayErrors.badRequest("Quota limit must be a non-negative number");
    }
    return new UsagePlan.Quota(
        limit, node.path("offset").asInt(0), period(ApiGatewayJson.text(node, "period")));
  }

  private static UsagePlan.Quota quota(
      UsagePlan.Quota base, Integer limit, Integer offset, String period) {
    UsagePlan.Quota from = base == null ? new UsagePlan.Quota(0, 0, "DAY") : base;
    return new UsagePlan.Quota(
        limit == null ? from.limit() : limit,
        offset == null ? from.offset() : offset,
        period == null ? from.period() : period);
  }

  private static String period(String value) {
    if (value == null || !PERIODS.contains(value)) {
      throw ApiGatewayErrors.badRequest(
          "Invalid quota period specified: " + value + ". Must be one of DAY, WEEK, MONTH");
    }
    return value;
  }

  /** An {@code API_ID:STAGE} value; AWS's refusal of any other names no value. */
  private static UsagePlan.ApiStage stage(String value) {
    int colon = value == null ? -1 : value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw ApiGatewayErrors.badRequest("Invalid API Stage specified");
    }
    return new UsagePlan.ApiStage(value.substring(0, colon), value.substring(colon + 1), Map.of());
  }

  private static double number(String value, String path) {
    try {
      double number = Double.parseDouble(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // answered below
    }
    throw ApiGatewayErrors.badRequest("Invalid value for " + path + ": " + value);
  }

  private static Integer burst(UsagePlan.Throttle throttle) {
    return throttle == null ? null : throttle.burstLimit();
  }

  private static Double rate(UsagePlan.Throttle throttle) {
    return throttle == null ? null : throttle.rateLimit();
  }
}
