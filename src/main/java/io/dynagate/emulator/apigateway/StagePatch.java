package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.MethodSetting;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code UpdateStage}'s patch operations: {@code /description}, {@code /deploymentId}, {@code
 * /tracingEnabled}, {@code /cacheClusterEnabled}, {@code /variables/NAME} and method settings
 * {@code /RESOURCE_PATH/METHOD/throttling/burstLimit} (and {@code rateLimit}, {@code
 * metrics/enabled}, {@code logging/loglevel}, {@code logging/dataTrace}), where {@code
 * RESOURCE_PATH} is {@code *} or a path with {@code /} written {@code ~1}.
 */
final class StagePatch {

  private StagePatch() {}

  static Stage apply(Stage stage, JsonNode operation, RestApi api) {
    String op = operation.path("op").asText();
    String path = operation.path("path").asText();
    String value = operation.path("value").isNull() ? null : operation.path("value").asText(null);
    boolean remove = op.equals("remove");
    if (!remove && !op.equals("replace") && !op.equals("add")) {
      throw ApiGatewayErrors.badRequest("Invalid patch operation specified: " + op);
    }
    String description = stage.description();
    String deploymentId = stage.deploymentId();
    boolean tracing = stage.tracingEnabled();
    boolean cache = stage.cacheClusterEnabled();
    Map<String, String> variables = new LinkedHashMap<>(stage.variables());
    Map<String, MethodSetting> settings = new LinkedHashMap<>(stage.methodSettings());
    switch (path) {
      case "/description" -> description = remove ? null : value;
      case "/tracingEnabled" -> tracing = Boolean.parseBoolean(value);
      case "/cacheClusterEnabled" -> cache = Boolean.parseBoolean(value);
      case "/deploymentId" -> {
        if (value == null || !api.deployments().containsKey(value)) {
          throw ApiGatewayErrors.badRequest("Invalid deployment identifier specified");
        }
        deploymentId = value;
      }
      default -> {
        if (path.startsWith("/variables/")) {
          String name = path.substring("/variables/".length());
          if (remove) {
            variables.remove(name);
          } else {
            variables.put(name, value);
          }
        } else {
          applySetting(settings, path, value);
        }
      }
    }
    return new Stage(
        stage.stageName(),
        deploymentId,
        description,
        variables,
        settings,
        tracing,
        cache,
        stage.tags(),
        stage.createdDate(),
        Instant.now());
  }

  private static void applySetting(Map<String, MethodSetting> settings, String path, String value) {
    String[] parts = path.substring(1).split("/", 3);
    if (parts.length != 3) {
      throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
    }
    String resourcePath =
        parts[0].equals("*") ? "*" : parts[0].replace("~1", "/").replaceFirst("^/", "");
    String key = resourcePath + "/" + parts[1];
    MethodSetting s = settings.getOrDefault(key, MethodSetting.defaults());
    MethodSetting next =
        switch (parts[2]) {
          case "metrics/enabled" ->
              new MethodSetting(
                  Boolean.parseBoolean(value),
                  s.loggingLevel(),
                  s.dataTraceEnabled(),
                  s.throttlingBurstLimit(),
                  s.throttlingRateLimit());
          case "logging/loglevel" ->
              new MethodSetting(
                  s.metricsEnabled(),
                  value,
                  s.dataTraceEnabled(),
                  s.throttlingBurstLimit(),
                  s.throttlingRateLimit());
          case "logging/dataTrace" ->
              new MethodSetting(
                  s.metricsEnabled(),
                  s.loggingLevel(),
                  Boolean.parseBoolean(value),
                  s.throttlingBurstLimit(),
                  s.throttlingRateLimit());
          case "throttling/burstLimit" ->
              new MethodSetting(
                  s.metricsEnabled(),
                  s.loggingLevel(),
                  s.dataTraceEnabled(),
                  number(value, path).intValue(),
                  s.throttlingRateLimit());
          case "throttling/rateLimit" ->
              new MethodSetting(
                  s.metricsEnabled(),
                  s.loggingLevel(),
                  s.dataTraceEnabled(),
                  s.throttlingBurstLimit(),
                  number(value, path));
          default -> throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
        };
    settings.put(key, next);
  }

  private static Double number(String value, String path) {
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw ApiGatewayErrors.badRequest("Invalid value for " + path + ": " + value);
    }
  }
}
