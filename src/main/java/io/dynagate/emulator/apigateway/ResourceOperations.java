package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Resources: create, get, list (with {@code embed=methods}), delete. */
@ApplicationScoped
class ResourceOperations implements ApiGatewayOperations {

  private static final Pattern PATH_PART =
      Pattern.compile("[A-Za-z0-9._\\-:]+|\\{[A-Za-z0-9._\\-]+\\+?\\}");

  private final ApiGatewayStore store;

  ResourceOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("GetResources", this::list);
    handlers.put("GetResource", this::get);
    handlers.put("CreateResource", this::create);
    handlers.put("DeleteResource", this::delete);
    handlers.put("UpdateResource", this::update);
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    ApiDefinition draft = store.require(call.restApiId()).draft();
    boolean embed = embedsMethods(call);
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            draft.byPath(),
            Resource::id,
            resource -> ApiGatewayJson.resource(resource, embed),
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    ApiDefinition draft = store.require(call.restApiId()).draft();
    Resource resource = Drafts.resource(draft, call.parameter("resource_id"));
    return ApiGatewayJson.answer(200, ApiGatewayJson.resource(resource, embedsMethods(call)));
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    String pathPart = ApiGatewayJson.text(call.body(), "pathPart");
    if (pathPart == null || !PATH_PART.matcher(pathPart).matches()) {
      throw ApiGatewayErrors.badRequest(
          "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
    }
    String parentId = call.parameter("parent_id");
    String id = Ids.apiGateway();
    RestApi updated =
        store.update(
            call.restApiId(),
            api -> {
              Resource parent = Drafts.resource(api.draft(), parentId);
              if (parent.pathPart() != null && parent.pathPart().endsWith("+}")) {
                throw ApiGatewayErrors.badRequest(
                    "Cannot create a child of a resource with a greedy path variable: "
                        + parent.pathPart());
              }
              checkSiblings(api.draft(), parentId, null, pathPart);
              String path =
                  parent.path().equals("/") ? "/" + pathPart : parent.path() + "/" + pathPart;
              return api.withDraft(
                  api.draft().with(new Resource(id, parentId, pathPart, path, Map.of())));
            });
    Resource created = updated.draft().resource(id).orElseThrow();
    return ApiGatewayJson.answer(201, ApiGatewayJson.resource(created, true));
  }

  /** The siblings a resource named {@code pathPart} would have under {@code parentId} allow it. */
  static void checkSiblings(ApiDefinition draft, String parentId, String self, String pathPart) {
    for (Resource sibling : draft.children(parentId)) {
      if (sibling.id().equals(self)) {
        continue;
      }
      if (sibling.pathPart().equals(pathPart)) {
        throw ApiGatewayErrors.conflict(
            "Another resource with the same parent already has this name: " + pathPart);
      }
      if (isVariable(sibling.pathPart()) && isVariable(pathPart)) {
        throw ApiGatewayErrors.badRequest(
            "A sibling ("
                + sibling.pathPart()
                + ") of this resource already has a variable path part -- only one is allowed");
      }
    }
  }

  private EmulatorResponse update(ApiGatewayCall call) {
    String resourceId = call.parameter("resource_id");
    RestApi updated =
        store.update(
            call.restApiId(),
            api ->
                api.withDraft(
                    ResourcePatch.apply(
                        api.draft(), resourceId, call.body().path("patchOperations"))));
    Resource resource = updated.draft().resource(resourceId).orElseThrow();
    return ApiGatewayJson.answer(200, ApiGatewayJson.resource(resource, true));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    String resourceId = call.parameter("resource_id");
    store.update(
        call.restApiId(),
        api -> {
          Drafts.resource(api.draft(), resourceId);
          if (resourceId.equals(api.draft().rootResourceId())) {
            throw ApiGatewayErrors.badRequest("Cannot delete the root resource");
          }
          return api.withDraft(api.draft().without(resourceId));
        });
    return EmulatorResponse.empty(202);
  }

  private static boolean embedsMethods(ApiGatewayCall call) {
    return call.request().queryParams("embed").stream()
        .anyMatch(value -> value.contains("methods"));
  }

  private static boolean isVariable(String pathPart) {
    return pathPart.startsWith("{");
  }
}
