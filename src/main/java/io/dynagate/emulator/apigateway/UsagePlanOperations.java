package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.ApiKey;
import io.dynagate.emulator.apigateway.model.UsagePlan;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Usage plans (create, get, list, update, delete) and their keys (link, get, list, unlink). A key
 * may be in several plans, but never in two that cover the same API stage, as on AWS.
 */
@ApplicationScoped
class UsagePlanOperations implements ApiGatewayOperations {

  private final UsagePlanStore store;
  private final ApiGatewayStore apis;

  UsagePlanOperations(UsagePlanStore store, ApiGatewayStore apis) {
    this.store = store;
    this.apis = apis;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("CreateUsagePlan", this::create);
    handlers.put("GetUsagePlan", call -> ApiGatewayJson.answer(200, detail(plan(call))));
    handlers.put("GetUsagePlans", this::list);
    handlers.put("UpdateUsagePlan", this::update);
    handlers.put("DeleteUsagePlan", this::delete);
    handlers.put("CreateUsagePlanKey", this::link);
    handlers.put("GetUsagePlanKey", this::getKey);
    handlers.put("GetUsagePlanKeys", this::listKeys);
    handlers.put("DeleteUsagePlanKey", this::unlink);
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    ObjectNode body = call.body();
    String name = ApiGatewayJson.text(body, "name");
    if (name == null || name.isBlank()) {
      throw ApiGatewayErrors.badRequest("Usage Plan name must not be empty");
    }
    List<UsagePlan.ApiStage> stages = new ArrayList<>();
    for (JsonNode stage : body.path("apiStages")) {
      stages.add(existing(stageOf(stage)));
    }
    UsagePlan plan =
        new UsagePlan(
            Ids.apiGateway(),
            name,
            ApiGatewayJson.text(body, "description"),
            stages,
            UsagePlanPatch.throttle(body.get("throttle")),
            UsagePlanPatch.quota(body.get("quota")),
            ApiGatewayJson.stringMap(body, "tags"),
            List.of());
    store.putPlan(plan);
    return ApiGatewayJson.answer(201, view(plan));
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    String keyId = call.query("keyId");
    List<UsagePlan> plans =
        store.plans().stream().filter(p -> keyId == null || p.keyIds().contains(keyId)).toList();
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            plans,
            UsagePlan::id,
            UsagePlanOperations::view,
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse update(ApiGatewayCall call) {
    JsonNode operations = call.body().path("patchOperations");
    UsagePlan updated =
        store.updatePlan(
            call.parameter("usageplanId"),
            plan -> {
              UsagePlan next = UsagePlanPatch.apply(plan, operations);
              next.apiStages().stream()
                  .filter(s -> plan.stage(s.apiId(), s.stage()).isEmpty())
                  .forEach(this::existing);
              return next;
            });
    return ApiGatewayJson.answer(200, detail(updated));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    store.deletePlan(call.parameter("usageplanId"));
    return EmulatorResponse.empty(202);
  }

  private EmulatorResponse link(ApiGatewayCall call) {
    ObjectNode body = call.body();
    String keyId = ApiGatewayJson.text(body, "keyId");
    if (!"API_KEY".equals(ApiGatewayJson.text(body, "keyType"))) {
      throw ApiGatewayErrors.badRequest("Invalid keyType specified: must be API_KEY");
    }
    ApiKey key = store.key(keyId == null ? "" : keyId).orElseThrow(AccessErrors::noSuchKey);
    UsagePlan linked =
        store.updatePlan(
            call.parameter("usageplanId"),
            plan -> {
              if (plan.keyIds().contains(keyId)) {
                throw ApiGatewayErrors.conflict("Usage Plan Key already exists");
              }
              for (UsagePlan other : store.plansOf(keyId)) {
                boolean overlaps =
                    other.apiStages().stream()
                        .anyMatch(s -> plan.stage(s.apiId(), s.stage()).isPresent());
                if (overlaps) {
                  throw ApiGatewayErrors.conflict(
                      "API Key "
                          + keyId
                          + " cannot reference multiple Usage Plans with the same API Stage");
                }
              }
              List<String> keys = new ArrayList<>(plan.keyIds());
              keys.add(keyId);
              return plan.withKeys(keys);
            });
    return ApiGatewayJson.answer(201, keyView(key, linked));
  }

  private EmulatorResponse getKey(ApiGatewayCall call) {
    UsagePlan plan = plan(call);
    String keyId = call.parameter("keyId");
    if (!plan.keyIds().contains(keyId)) {
      throw AccessErrors.noSuchPlanKey();
    }
    ApiKey key = store.key(keyId).orElseThrow(AccessErrors::noSuchPlanKey);
    return ApiGatewayJson.answer(200, keyView(key, plan));
  }

  private EmulatorResponse listKeys(ApiGatewayCall call) {
    UsagePlan plan = plan(call);
    String name = call.query("nameQuery");
    List<ApiKey> keys =
        plan.keyIds().stream()
            .map(store::key)
            .flatMap(Optional::stream)
            .filter(k -> name == null || (k.name() != null && k.name().startsWith(name)))
            .toList();
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            keys, ApiKey::id, k -> keyView(k, plan), call.query("position"), call.query("limit")));
  }

  private EmulatorResponse unlink(ApiGatewayCall call) {
    String keyId = call.parameter("keyId");
    store.updatePlan(
        call.parameter("usageplanId"),
        plan -> {
          if (!plan.keyIds().contains(keyId)) {
            throw AccessErrors.noSuchPlanKey();
          }
          return plan.withKeys(plan.keyIds().stream().filter(k -> !k.equals(keyId)).toList());
        });
    return EmulatorResponse.empty(202);
  }

  private UsagePlan plan(ApiGatewayCall call) {
    return store.plan(call.parameter("usageplanId")).orElseThrow(AccessErrors::noSuchPlan);
  }

  /** The stage, once its API and stage are known to API Gateway. */
  private UsagePlan.ApiStage existing(UsagePlan.ApiStage stage) {
    var api = apis.require(stage.apiId());
    if (!api.stages().containsKey(stage.stage())) {
      throw ApiGatewayErrors.badRequest(
          "Invalid stage identifier specified: " + stage.apiId() + ":" + stage.stage());
    }
    return stage;
  }

  private static UsagePlan.ApiStage stageOf(JsonNode node) {
    String apiId = ApiGatewayJson.text(node, "apiId");
    String stage = ApiGatewayJson.text(node, "stage");
    if (apiId == null || stage == null) {
      throw ApiGatewayErrors.badRequest("API Stage must name an apiId and a stage");
    }
    Map<String, UsagePlan.Throttle> throttles = new LinkedHashMap<>();
    node.path("throttle")
        .fields()
        .forEachRemaining(e -> throttles.put(e.getKey(), UsagePlanPatch.throttle(e.getValue())));
    return new UsagePlan.ApiStage(apiId, stage, throttles);
  }

  /** A plan as CreateUsagePlan and GetUsagePlans answer it: no tags member when it has none. */
  static ObjectNode view(UsagePlan plan) {
    ObjectNode node = ApiGatewayJson.MAPPER.valueToTree(plan);
    node.remove("keyIds");
    return node;
  }

  /** A plan as GetUsagePlan and UpdateUsagePlan answer it: tags always, {@code {}} when none. */
  private static ObjectNode detail(UsagePlan plan) {
    ObjectNode node = view(plan);
    node.set("tags", ApiGatewayJson.MAPPER.valueToTree(plan.tags()));
    return node;
  }

  private static ObjectNode keyView(ApiKey key, UsagePlan plan) {
    ObjectNode node =
        ApiGatewayJson.MAPPER
            .createObjectNode()
            .put("id", key.id())
            .put("type", "API_KEY")
            .put("value", key.value());
    if (key.name() != null) {
      node.put("name", key.name());
    }
    return node;
  }
}
