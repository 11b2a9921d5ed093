package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Stages: create, get, list, update with patch operations, delete. */
@ApplicationScoped
class StageOperations implements ApiGatewayOperations {

  private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private final ApiGatewayStore store;

  StageOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("CreateStage", this::create);
    handlers.put("GetStages", this::list);
    handlers.put("GetStage", this::get);
    handlers.put("UpdateStage", this::update);
    handlers.put("DeleteStage", this::delete);
  }

  static Stage newStage(
      String name,
      String deploymentId,
      String description,
      Map<String, String> variables,
      Map<String, String> tags,
      Instant now) {
    if (!STAGE_NAME.matcher(name).matches()) {
      throw ApiGatewayErrors.badRequest(
          "Stage name only allows a-zA-Z0-9_- and must be 1 to 128 characters");
    }
    return new Stage(
        name,
        deploymentId,
        description,
        variables,
        Map.of(),
        false,
        false,
        tags,
        now,
        now,
        Map.of());
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    ObjectNode body = call.body();
    String name = ApiGatewayJson.text(body, "stageName");
    String deploymentId = ApiGatewayJson.text(body, "deploymentId");
    if (name == null || deploymentId == null) {
      throw ApiGatewayErrors.badRequest("Stage name and deployment id are required");
    }
    Stage stage =
        newStage(
            name,
            deploymentId,
            ApiGatewayJson.text(body, "description"),
            ApiGatewayJson.stringMap(body, "variables"),
            ApiGatewayJson.stringMap(body, "tags"),
            Instant.now());
    store.update(
        call.restApiId(),
        api -> {
          if (!api.deployments().containsKey(deploymentId)) {
            throw ApiGatewayErrors.noSuchDeployment();
          }
          if (api.stages().containsKey(name)) {
            throw ApiGatewayErrors.conflict("Stage already exists");
          }
          return api.withStage(stage);
        });
    return ApiGatewayJson.answer(201, ApiGatewayJson.stage(stage));
  }

  /** GetStages is not paginated: it answers every stage, optionally of one deployment. */
  private EmulatorResponse list(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    String deploymentId = call.query("deploymentId");
    ObjectNode answer = ApiGatewayJson.MAPPER.createObjectNode();
    var items = answer.putArray("item");
    api.stages().values().stream()
        .filter(stage -> deploymentId == null || deploymentId.equals(stage.deploymentId()))
        .sorted(Comparator.comparing(Stage::stageName))
        .forEach(stage -> items.add(ApiGatewayJson.stage(stage)));
    return ApiGatewayJson.answer(200, answer);
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    return ApiGatewayJson.answer(
        200, ApiGatewayJson.stage(stage(store.require(call.restApiId()), call)));
  }

  private EmulatorResponse update(ApiGatewayCall call) {
    JsonNode operations = call.body().path("patchOperations");
    String name = call.parameter("stage_name");
    RestApi updated =
        store.update(
            call.restApiId(),
            api -> api.withStage(StagePatch.apply(stage(api, call), operations, api)));
    return ApiGatewayJson.answer(200, ApiGatewayJson.stage(updated.stages().get(name)));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    store.update(call.restApiId(), api -> api.withoutStage(stage(api, call).stageName()));
    return EmulatorResponse.empty(202);
  }

  private static Stage stage(RestApi api, ApiGatewayCall call) {
    Stage stage = api.stages().get(call.parameter("stage_name"));
    if (stage == null) {
      throw ApiGatewayErrors.noSuchStage();
    }
    return stage;
  }
}
