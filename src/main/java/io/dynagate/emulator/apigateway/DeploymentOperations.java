package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.Deployment;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/** Deployments: frozen copies of the draft; with a stage name, the stage moves to it. */
@ApplicationScoped
class DeploymentOperations implements ApiGatewayOperations {

  private final ApiGatewayStore store;

  DeploymentOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("CreateDeployment", this::create);
    handlers.put("GetDeployments", this::list);
    handlers.put("GetDeployment", this::get);
    handlers.put("DeleteDeployment", this::delete);
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    ObjectNode body = call.body();
    String stageName = ApiGatewayJson.text(body, "stageName");
    Instant now = Instant.now();
    String id = Ids.apiGateway();
    RestApi updated =
        store.update(
            call.restApiId(),
            api -> {
              requireDeployable(api);
              Deployment deployment =
                  new Deployment(id, ApiGatewayJson.text(body, "description"), now, api.draft());
              RestApi next = api.withDeployment(deployment);
              if (stageName == null) {
                return next;
              }
              Stage current = api.stages().get(stageName);
              Stage stage =
                  current != null
                      ? current.withDeployment(id, now)
                      : StageOperations.newStage(
                          stageName,
                          id,
                          ApiGatewayJson.text(body, "stageDescription"),
                          ApiGatewayJson.stringMap(body, "variables"),
                          Map.of(),
                          now);
              return next.withStage(stage);
            });
    return ApiGatewayJson.answer(201, ApiGatewayJson.deployment(updated.deployments().get(id)));
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            api.deployments().values().stream()
                .sorted(Comparator.comparing(Deployment::createdDate).thenComparing(Deployment::id))
                .toList(),
            Deployment::id,
            ApiGatewayJson::deployment,
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    Deployment deployment =
        store.require(call.restApiId()).deployments().get(call.parameter("deployment_id"));
    if (deployment == null) {
      throw ApiGatewayErrors.noSuchDeployment();
    }
    return ApiGatewayJson.answer(200, ApiGatewayJson.deployment(deployment));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    String id = call.parameter("deployment_id");
    store.update(
        call.restApiId(),
        api -> {
          if (!api.deployments().containsKey(id)) {
            throw ApiGatewayErrors.noSuchDeployment();
          }
          if (api.stages().values().stream().anyMatch(stage -> id.equals(stage.deploymentId()))) {
            throw ApiGatewayErrors.badRequest(
                "Active stages pointing to this deployment must be moved or deleted");
          }
          return api.withoutDeployment(id);
        });
    return EmulatorResponse.empty(202);
  }

  /**
   * API Gateway refuses to deploy an API without methods, or with a method lacking an integration.
   */
  private static void requireDeployable(RestApi api) {
    if (!api.draft().hasMethods()) {
      throw ApiGatewayErrors.badRequest("The REST API doesn't contain any methods");
    }
    boolean missingIntegration =
        api.draft().resources().values().stream()
            .flatMap(resource -> resource.resourceMethods().values().stream())
            .map(Method::methodIntegration)
            .anyMatch(integration -> integration == null);
    if (missingIntegration) {
      throw ApiGatewayErrors.badRequest("No integration defined for method");
    }
    // a private API without a policy would be reachable by no one; AWS refuses to deploy it
    if (api.endpointTypes().contains("PRIVATE") && api.policy() == null) {
      throw ApiGatewayErrors.badRequest(
          "Private REST API doesn't have a resource policy attached to it");
    }
  }
}
