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
 * {@code /RESOURCE_PATH/METHOD/throttling/burstLimit} (and {@code throttling/rateLimit}, {@code
 * metrics/enabled}, {@code logging/loglevel}, {@code logging/dataTrace}), where {@code
 * RESOURCE_PATH} is {@code *} or a resource path with {@code /} written {@code ~1}.
 */
final class StagePatch {

  private static final String ACCESS_LOG = "/accessLogSettings";

  private final Stage stage;
  private final RestApi api;
  private String description;
  private String deploymentId;
  private boolean tracingEnabled;
  private boolean cacheClusterEnabled;
  private final Map<String, String> variables;
  private final Map<String, MethodSetting> settings;
  private final Map<String, String> accessLog;

  private StagePatch(Stage stage, RestApi api) {
    this.stage = stage;
    this.api = api;
    this.description = stage.description();
    this.deploymentId = stage.deploymentId();
    this.tracingEnabled = stage.tracingEnabled();
    this.cacheClusterEnabled = stage.cacheClusterEnabled();
    this.variables = new LinkedHashMap<>(stage.variables());
    this.settings = new LinkedHashMap<>(stage.methodSettings());
    this.accessLog = new LinkedHashMap<>(stage.accessLogSettings());
  }

  /** The stage after every operation, or AWS's error for the first one it refuses. */
  static Stage apply(Stage stage, Iterable<JsonNode> operations, RestApi api) {
    StagePatch patch = new StagePatch(stage, api);
    operations.forEach(patch::apply);
    return new Stage(
        stage.stageName(),
        patch.deploymentId,
        patch.description,
        patch.variables,
        patch.settings,
        patch.tracingEnabled,
        patch.cacheClusterEnabled,
        stage.tags(),
        stage.createdDate(),
        Instant.now(),
        patch.accessLog);
  }

  private void apply(JsonNode operation) {
    String op = operation.path("op").asText();
    String path = operation.path("path").asText();
    String value = ApiGatewayJson.text(operation, "value");
    boolean remove = op.equals("remove");
    if (!remove && !op.equals("replace") && !op.equals("add")) {
      throw ApiGatewayErrors.badRequest("Invalid patch operation specified: " + op);
    }
    if (path.equals(ACCESS_LOG) || path.startsWith(ACCESS_LOG + "/")) {
      setAccessLog(op, path, value);
      return;
    }
    switch (path) {
      case "/description" -> description = remove ? null : value;
      case "/tracingEnabled" -> tracingEnabled = Boolean.parseBoolean(value);
      case "/cacheClusterEnabled" -> cacheClusterEnabled = Boolean.parseBoolean(value);
      case "/deploymentId" -> deploymentId = existingDeployment(value);
      default -> {
        if (path.startsWith("/variables/")) {
          setVariable(path.substring("/variables/".length()), remove ? null : value);
        } else {
          setMethodSetting(path, value);
        }
      }
    }
  }

  /**
   * Access logging, as AWS patches it: its two members set one by one, never empty, and removed
   * only all at once; a member's own removal reads to AWS as a method setting's.
   */
  private void setAccessLog(String op, String path, String value) {
    if (op.equals("remove")) {
      if (!path.equals(ACCESS_LOG)) {
        throw ApiGatewayErrors.badRequest(
            "Cannot remove method setting "
                + path.substring(1)
                + " because there is no method setting for this method ");
      }
      accessLog.clear();
      return;
    }
    String member = path.substring(Math.min(path.length(), ACCESS_LOG.length() + 1));
    if (!member.equals("destinationArn") && !member.equals("format")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn,"
              + " /accessLogSettings/format]");
    }
    if (value == null || value.isEmpty()) {
      throw ApiGatewayErrors.badRequest("Access Log value must not be empty");
    }
    accessLog.put(member, value);
  }

  private String existingDeployment(String id) {
    if (id == null || !api.deployments().containsKey(id)) {
      throw ApiGatewayErrors.badRequest("Invalid deployment identifier specified");
    }
    return id;
  }

  private void setVariable(String name, String value) {
    if (value == null) {
      variables.remove(name);
    } else {
      variables.put(name, value);
    }
  }

  private void setMethodSetting(String path, String value) {
    String[] parts = path.substring(1).split("/", 3);
    if (parts.length != 3) {
      throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
    }
    String resourcePath =
        parts[0].equals("*") ? "*" : parts[0].replace("~1", "/").replaceFirst("^/", "");
    String key = resourcePath + "/" + parts[1];
    MethodSetting current = settings.getOrDefault(key, MethodSetting.defaults());
    settings.put(key, changed(current, parts[2], value, path));
  }

  private static MethodSetting changed(MethodSetting s, String setting, String value, String path) {
    return switch (setting) {
      case "metrics/enabled" -> s.withMetricsEnabled(Boolean.parseBoolean(value));
      case "logging/loglevel" -> s.withLoggingLevel(value);
      case "logging/dataTrace" -> s.withDataTraceEnabled(Boolean.parseBoolean(value));
      case "throttling/burstLimit" -> s.withThrottlingBurstLimit(number(value, path).intValue());
      case "throttling/rateLimit" -> s.withThrottlingRateLimit(number(value, path));
      default -> throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
    };
  }

  private static Double number(String value, String path) {
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw ApiGatewayErrors.badRequest("Invalid value for " + path + ": " + value);
    }
  }
}
