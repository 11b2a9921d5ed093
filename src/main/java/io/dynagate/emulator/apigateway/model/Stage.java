package io.dynagate.emulator.apigateway.model;

import java.time.Instant;
import java.util.Map;

/**
 * A named pointer to a deployment, with its settings.
 *
 * @param stageName e.g. {@code dev}
 * @param deploymentId the deployment it serves
 * @param description optional
 * @param variables stage variables
 * @param methodSettings by {@code resourcePath/httpMethod}, e.g. {@code *}{@code /*}
 * @param tracingEnabled X-Ray
 * @param cacheClusterEnabled cache
 * @param tags tags
 * @param createdDate when created
 * @param lastUpdatedDate when last changed
 * @param accessLogSettings {@code destinationArn} and {@code format}, each when set
 */
public record Stage(
    String stageName,
    String deploymentId,
    String description,
    Map<String, String> variables,
    Map<String, MethodSetting> methodSettings,
    boolean tracingEnabled,
    boolean cacheClusterEnabled,
    Map<String, String> tags,
    Instant createdDate,
    Instant lastUpdatedDate,
    Map<String, String> accessLogSettings) {

  public Stage {
    accessLogSettings = Maps.copy(accessLogSettings);
    variables = Maps.copy(variables);
    methodSettings = Maps.copy(methodSettings);
    tags = Maps.copy(tags);
  }

  public Stage withDeployment(String id, Instant now) {
    return new Stage(
        stageName,
        id,
        description,
        variables,
        methodSettings,
        tracingEnabled,
        cacheClusterEnabled,
        tags,
        createdDate,
        now,
        accessLogSettings);
  }

  public Stage withTags(Map<String, String> next) {
    return new Stage(
        stageName,
        deploymentId,
        description,
        variables,
        methodSettings,
        tracingEnabled,
        cacheClusterEnabled,
        next,
        createdDate,
        lastUpdatedDate,
        accessLogSettings);
  }
}
