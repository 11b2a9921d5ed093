package io.dynagate.emulator.apigateway.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A REST API with everything under it. Immutable: every control-plane change makes a new value.
 *
 * @param id 10 lower-case alphanumerics
 * @param name the name
 * @param description optional
 * @param createdDate when created
 * @param version optional version label
 * @param binaryMediaTypes binary media types
 * @param apiKeySource {@code HEADER} or {@code AUTHORIZER}
 * @param endpointTypes e.g. {@code REGIONAL}
 * @param disableExecuteApiEndpoint whether the default endpoint is off
 * @param policy resource policy JSON, or null
 * @param tags tags
 * @param models model schemas (JSON text) by name, from imported {@code components.schemas}
 * @param draft the current definition, what control-plane calls edit
 * @param deployments by id
 * @param stages by name
 * @param ipAddressType {@code ipv4} or {@code dualstack}
 * @param minimumCompressionSize bytes from which answers are compressed, or null when off
 * @param requestValidators by name, from imported {@code x-amazon-apigateway-request-validators} (a
 *     validator's name is its id here)
 * @param vpcEndpointIds the VPC endpoints a {@code PRIVATE} API is associated with (Route 53
 *     aliases on AWS), in the order they were added
 */
public record RestApi(
    String id,
    String name,
    String description,
    Instant createdDate,
    String version,
    List<String> binaryMediaTypes,
    String apiKeySource,
    List<String> endpointTypes,
    boolean disableExecuteApiEndpoint,
    String policy,
    Map<String, String> tags,
    Map<String, String> models,
    ApiDefinition draft,
    Map<String, Deployment> deployments,
    Map<String, Stage> stages,
    String ipAddressType,
    Integer minimumCompressionSize,
    Map<String, RequestValidator> requestValidators,
    List<String> vpcEndpointIds) {

  public RestApi {
    endpointTypes = Maps.list(endpointTypes);
    if (ipAddressType == null) {
      // state written before the field existed: AWS's default for the endpoint type
      ipAddressType = endpointTypes.contains("PRIVATE") ? "dualstack" : "ipv4";
    }
    binaryMediaTypes = Maps.list(binaryMediaTypes);
    endpointTypes = Maps.list(endpointTypes);
    tags = Maps.copy(tags);
    models = Maps.copy(models);
    deployments = Maps.copy(deployments);
    stages = Maps.copy(stages);
    requestValidators = Maps.copy(requestValidators);
    vpcEndpointIds = Maps.list(vpcEndpointIds);
  }

  public RestApi withDraft(ApiDefinition next) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        models,
        next,
        deployments,
        stages,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        vpcEndpointIds);
  }

  public RestApi withDeployment(Deployment deployment) {
    return withDeployments(Maps.with(deployments, deployment.id(), deployment));
  }

  public RestApi withoutDeployment(String deploymentId) {
    return withDeployments(Maps.without(deployments, deploymentId));
  }

  public RestApi withStage(Stage stage) {
    return withStages(Maps.with(stages, stage.stageName(), stage));
  }

  public RestApi withoutStage(String stageName) {
    return withStages(Maps.without(stages, stageName));
  }

  public RestApi withTags(Map<String, String> next) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        next,
        models,
        draft,
        deployments,
        stages,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        vpcEndpointIds);
  }

  /**
   * This API with a new name, description, version, media types and models, as an import sets them.
   */
  public RestApi withHeader(
      String nextName,
      String nextDescription,
      String nextVersion,
      List<String> media,
      Map<String, String> nextModels) {
    return new RestApi(
        id,
        nextName,
        nextDescription,
        createdDate,
        nextVersion,
        media,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        nextModels,
        draft,
        deployments,
        stages,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        vpcEndpointIds);
  }

  /** This API with another set of deployments. */
  public RestApi withDeployments(Map<String, Deployment> next) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        models,
        draft,
        next,
        stages,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        vpcEndpointIds);
  }

  private RestApi withStages(Map<String, Stage> next) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        models,
        draft,
        deployments,
        next,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        vpcEndpointIds);
  }

  /**
   * This API with other request validators (by id), and its draft's methods that use one of them
   * holding it as it now is.
   */
  public RestApi withRequestValidators(Map<String, RequestValidator> next) {
    ApiDefinition relinked = draft;
    for (Resource resource : draft.resources().values()) {
      for (Method method : resource.resourceMethods().values()) {
        String validatorId = method.requestValidatorId();
        if (validatorId != null && requestValidators.containsKey(validatorId)) {
          resource =
              resource.withMethod(method.withRequestValidator(validatorId, next.get(validatorId)));
        }
      }
      relinked = relinked.with(resource);
    }
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        models,
        relinked,
        deployments,
        stages,
        ipAddressType,
        minimumCompressionSize,
        next,
        vpcEndpointIds);
  }

  /** This API with another resource policy (JSON text), or none. */
  public RestApi withPolicy(String next) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        next,
        tags,
        models,
        draft,
        deployments,
        stages,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        vpcEndpointIds);
  }

  /** This API with other endpoint and compression settings, as UpdateRestApi sets them. */
  public RestApi withSettings(
      List<String> nextTypes, String nextIpAddressType, Integer nextCompression) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        nextTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        models,
        draft,
        deployments,
        stages,
        nextIpAddressType,
        nextCompression,
        requestValidators,
        vpcEndpointIds);
  }

  /** This API associated with other VPC endpoints, as UpdateRestApi sets them. */
  public RestApi withVpcEndpointIds(List<String> next) {
    return new RestApi(
        id,
        name,
        description,
        createdDate,
        version,
        binaryMediaTypes,
        apiKeySource,
        endpointTypes,
        disableExecuteApiEndpoint,
        policy,
        tags,
        models,
        draft,
        deployments,
        stages,
        ipAddressType,
        minimumCompressionSize,
        requestValidators,
        next);
  }
}
