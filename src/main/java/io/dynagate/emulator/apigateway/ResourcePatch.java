package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Resource;

/**
 * UpdateResource: {@code replace} on {@code /pathPart} (rename) and {@code /parentId} (move), the
 * only two AWS allows, with its checks: the root stays put, no cycle, no clash between siblings.
 */
final class ResourcePatch {

  private ResourcePatch() {}

  static ApiDefinition apply(ApiDefinition draft, String resourceId, JsonNode operations) {
    ApiDefinition next = draft;
    for (JsonNode operation : operations) {
      next = applyOne(next, resourceId, operation);
    }
    return next;
  }

  private static ApiDefinition applyOne(ApiDefinition draft, String resourceId, JsonNode op) {
    Resource resource = Drafts.resource(draft, resourceId);
    String name = op.path("op").asText();
    String path = op.path("path").asText();
    String value = ApiGatewayJson.text(op, "value");
    if (!name.equals("replace")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid patch path  '"
              + path
              + "' specified for op '"
              + name
              + "'. Please choose supported operations");
    }
    boolean root = resourceId.equals(draft.rootResourceId());
    return switch (path) {
      case "/pathPart" -> {
        if (root) {
          throw ApiGatewayErrors.badRequest("Root resource cannot update its pathPart.");
        }
        ResourceOperations.checkSiblings(draft, resource.parentId(), resourceId, value);
        yield draft.moved(resourceId, resource.parentId(), value);
      }
      case "/parentId" -> {
        if (root) {
          throw ApiGatewayErrors.badRequest("Root resource cannot update its parentId.");
        }
        Drafts.resource(draft, value);
        if (isUnder(draft, value, resourceId)) {
          throw ApiGatewayErrors.badRequest("Resources cannot be cyclical.");
        }
        ResourceOperations.checkSiblings(draft, value, resourceId, resource.pathPart());
        yield draft.moved(resourceId, value, resource.pathPart());
      }
      default ->
          throw ApiGatewayErrors.badRequest(
              "Invalid patch path  '"
                  + path
                  + "' specified for op 'replace'. Must be one of: [/parentId, /pathPart]");
    };
  }

  /** Whether {@code candidate} is {@code ancestor} or lies under it. */
  private static boolean isUnder(ApiDefinition draft, String candidate, String ancestor) {
    String current = candidate;
    while (current != null) {
      if (current.equals(ancestor)) {
        return true;
      }
      current = draft.resource(current).map(Resource::parentId).orElse(null);
    }
    return false;
  }
}
