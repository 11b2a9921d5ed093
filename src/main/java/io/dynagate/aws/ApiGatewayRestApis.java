package io.dynagate.aws;

import io.dynagate.config.Target;
import io.dynagate.reconcile.ApiShape;
import io.dynagate.reconcile.ApiShape.MethodShape;
import io.dynagate.reconcile.ApiShape.ResponseShape;
import io.dynagate.reconcile.AwsFailure;
import io.dynagate.reconcile.Desired;
import io.dynagate.reconcile.RestApiPort;
import io.dynagate.reconcile.RestApiPort.Endpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.EndpointConfiguration;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/** {@link RestApiPort} on API Gateway. */
@ApplicationScoped
public class ApiGatewayRestApis implements RestApiPort {

  private final ApiGatewayClient apiGateway;
  private final Target target;

  public ApiGatewayRestApis(ApiGatewayClient apiGateway, Target target) {
    this.apiGateway = apiGateway;
    this.target = target;
  }

  @Override
  public Optional<LiveRestApi> get(String id) {
    try {
      return Optional.of(
          live(AwsErrors.call("GetRestApi", () -> apiGateway.getRestApi(b -> b.restApiId(id)))));
    } catch (AwsFailure e) {
      if (e.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<LiveRestApi> findTagged(String key, String value) {
    return AwsErrors.call(
        "GetRestApis",
        () ->
            apiGateway.getRestApisPaginator(b -> b.limit(500)).items().stream()
                .filter(api -> value.equals(api.tags().get(key)))
                .map(ApiGatewayRestApis::live)
                .toList());
  }

  @Override
  public LiveRestApi create(
      String name, String description, Endpoint endpoint, Map<String, String> tags) {
    return live(
        AwsErrors.call(
            "CreateRestApi",
            () ->
                apiGateway.createRestApi(
                    b ->
                        b.name(name)
                            .description(description)
                            .endpointConfiguration(
                                EndpointConfiguration.builder()
                                    .typesWithStrings(endpoint.type())
                                    .vpcEndpointIds(
                                        endpoint.vpcEndpointIds().isEmpty()
                                            ? null
                                            : endpoint.vpcEndpointIds())
                                    .build())
                            .tags(tags))));
  }

  /**
   * UpdateRestApi's patch operations as AWS documents them: VPC endpoints removed and added one by
   * one at {@code /endpointConfiguration/vpcEndpointIds}, the type replaced at {@code
   * /endpointConfiguration/types/LIVE_TYPE}; removals first, so that a private API leaving that
   * type holds no VPC endpoint, and additions last, once it is private.
   */
  @Override
  public void updateEndpoint(String id, Endpoint live, Endpoint wanted) {
    List<PatchOperation> patches = new ArrayList<>();
    String vpce = "/endpointConfiguration/vpcEndpointIds";
    for (String gone : live.vpcEndpointIds()) {
      if (!wanted.vpcEndpointIds().contains(gone)) {
        patches.add(PatchOperation.builder().op(Op.REMOVE).path(vpce).value(gone).build());
      }
    }
    if (!live.type().equals(wanted.type())) {
      patches.add(replace("/endpointConfiguration/types/" + live.type(), wanted.type()));
    }
    for (String added : wanted.vpcEndpointIds()) {
      if (!live.vpcEndpointIds().contains(added)) {
        patches.add(PatchOperation.builder().op(Op.ADD).path(vpce).value(added).build());
      }
    }
    AwsErrors.call(
        "UpdateRestApi",
        () -> apiGateway.updateRestApi(b -> b.restApiId(id).patchOperations(patches)));
  }

  @Override
  public void put(String id, String openApi) {
    AwsErrors.run(
        "PutRestApi",
        () ->
            apiGateway.putRestApi(
                b ->
                    b.restApiId(id)
                        .mode(PutMode.OVERWRITE)
                        .failOnWarnings(true)
                        .body(SdkBytes.fromUtf8String(openApi))));
  }

  @Override
  public ApiShape shape(String id) {
    Map<String, MethodShape> methods = new HashMap<>();
    AwsErrors.run(
        "GetResources",
        () ->
            apiGateway
                .getResourcesPaginator(b -> b.restApiId(id).embed("methods").limit(500))
                .items()
                .forEach(
                    resource ->
                        resource
                            .resourceMethods()
                            .forEach(
                                (http, method) ->
                                    methods.put(
                                        http + " " + resource.path(),
                                        method(method.methodIntegration())))));
    return new ApiShape(methods);
  }

  @Override
  public Optional<LiveStage> stage(String id, String stage) {
    GetStageResponse live;
    try {
      live =
          AwsErrors.call(
              "GetStage", () -> apiGateway.getStage(b -> b.restApiId(id).stageName(stage)));
    } catch (AwsFailure e) {
      if (e.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    String description =
        live.deploymentId() == null
            ? null
            : AwsErrors.call(
                    "GetDeployment",
                    () ->
                        apiGateway.getDeployment(
                            b -> b.restApiId(id).deploymentId(live.deploymentId())))
                .description();
    MethodSetting defaults = live.methodSettings().get("*/*");
    Desired.Throttling throttling =
        defaults == null
            ? null
            : new Desired.Throttling(
                defaults.throttlingRateLimit(), defaults.throttlingBurstLimit());
    return Optional.of(new LiveStage(stage, live.deploymentId(), description, throttling));
  }

  @Override
  public String deploy(String id, String stage, String description) {
    return AwsErrors.call(
            "CreateDeployment",
            () ->
                apiGateway.createDeployment(
                    b -> b.restApiId(id).stageName(stage).description(description)))
        .id();
  }

  @Override
  public void throttle(String id, String stage, Desired.Throttling throttling) {
    List<PatchOperation> patches = new ArrayList<>();
    if (throttling.rateLimit() != null) {
      patches.add(replace("/*/*/throttling/rateLimit", throttling.rateLimit().toString()));
    }
    if (throttling.burstLimit() != null) {
      patches.add(replace("/*/*/throttling/burstLimit", throttling.burstLimit().toString()));
    }
    AwsErrors.call(
        "UpdateStage",
        () ->
            apiGateway.updateStage(b -> b.restApiId(id).stageName(stage).patchOperations(patches)));
  }

  @Override
  public Map<String, Desired.Throttling> methodThrottles(String id, String stage) {
    GetStageResponse live;
    try {
      live =
          AwsErrors.call(
              "GetStage", () -> apiGateway.getStage(b -> b.restApiId(id).stageName(stage)));
    } catch (AwsFailure e) {
      if (e.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Map.of();
      }
      throw e;
    }
    Map<String, Desired.Throttling> out = new TreeMap<>();
    live.methodSettings()
        .forEach(
            (key, setting) -> {
              int slash = key.lastIndexOf('/');
              if (!key.equals("*/*") && slash > 0) {
                // AWS keys a setting "users/{id}/GET"; a patch names it "/~1users~1{id}/GET".
                String path = "/" + key.substring(0, slash);
                out.put(
                    "/" + path.replace("/", "~1") + key.substring(slash),
                    new Desired.Throttling(
                        setting.throttlingRateLimit(), setting.throttlingBurstLimit()));
              }
            });
    return out;
  }

  @Override
  public void throttleMethod(String id, String stage, String key, Desired.Throttling throttling) {
    List<PatchOperation> patches = new ArrayList<>();
    if (throttling.rateLimit() != null) {
      patches.add(replace(key + "/throttling/rateLimit", throttling.rateLimit().toString()));
    }
    if (throttling.burstLimit() != null) {
      patches.add(replace(key + "/throttling/burstLimit", throttling.burstLimit().toString()));
    }
    AwsErrors.call(
        "UpdateStage",
        () ->
            apiGateway.updateStage(b -> b.restApiId(id).stageName(stage).patchOperations(patches)));
  }

  private static PatchOperation replace(String path, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
  }

  @Override
  public void deleteStage(String id, String stage) {
    AwsErrors.call(
        "DeleteStage", () -> apiGateway.deleteStage(b -> b.restApiId(id).stageName(stage)));
  }

  @Override
  public void delete(String id) {
    AwsErrors.call("DeleteRestApi", () -> apiGateway.deleteRestApi(b -> b.restApiId(id)));
  }

  @Override
  public String invokeUrl(String id, String stage) {
    if (target.invokeBase().isPresent()) {
      return target.invokeBase().get().toString().replaceAll("/$", "")
          + "/restapis/"
          + id
          + "/"
          + stage
          + "/_user_request_";
    }
    String region =
        target.region().orElseGet(() -> apiGateway.serviceClientConfiguration().region().id());
    return "https://" + id + ".execute-api." + region + ".amazonaws.com/" + stage;
  }

  private static LiveRestApi live(RestApi api) {
    return new LiveRestApi(api.id(), api.name(), api.tags(), endpoint(api.endpointConfiguration()));
  }

  private static LiveRestApi live(CreateRestApiResponse api) {
    return new LiveRestApi(api.id(), api.name(), api.tags(), endpoint(api.endpointConfiguration()));
  }

  private static LiveRestApi live(GetRestApiResponse api) {
    return new LiveRestApi(api.id(), api.name(), api.tags(), endpoint(api.endpointConfiguration()));
  }

  private static Endpoint endpoint(EndpointConfiguration configuration) {
    if (configuration == null || configuration.types().isEmpty()) {
      return new Endpoint("EDGE", List.of());
    }
    return new Endpoint(configuration.typesAsStrings().get(0), configuration.vpcEndpointIds());
  }

  private static MethodShape method(Integration integration) {
    if (integration == null) {
      return new MethodShape(null, null, null, Map.of(), Map.of());
    }
    Map<String, ResponseShape> responses = new HashMap<>();
    integration
        .integrationResponses()
        .forEach(
            (status, response) ->
                responses.put(
                    response.selectionPattern() == null ? "" : response.selectionPattern(),
                    new ResponseShape(response.statusCode(), response.responseTemplates())));
    return new MethodShape(
        integration.typeAsString(),
        integration.uri(),
        integration.credentials(),
        integration.requestTemplates(),
        responses);
  }
}
