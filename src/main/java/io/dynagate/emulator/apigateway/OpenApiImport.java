package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.core.Ids;
import java.util.Map;

/**
 * Applies an OpenAPI document to a draft. {@code overwrite} makes the draft exactly the document's;
 * {@code merge} adds its paths and replaces the methods it defines, keeping the rest. A path that
 * already existed keeps its resource id either way, as API Gateway does.
 */
final class OpenApiImport {

  private OpenApiImport() {}

  static ApiDefinition apply(ApiDefinition base, OpenApiDocument document, boolean merge) {
    ApiDefinition draft = merge ? base : ApiDefinition.empty(base.rootResourceId());
    for (Map.Entry<String, Map<String, Method>> path : document.paths().entrySet()) {
      draft = ensurePath(draft, base, path.getKey());
      Resource resource = draft.resourceByPath(normalised(path.getKey())).orElseThrow();
      for (Method method : path.getValue().values()) {
        resource = resource.withMethod(method);
      }
      draft = draft.with(resource);
    }
    return draft;
  }

  /** The draft with every resource along the path, reusing ids the base had for those paths. */
  private static ApiDefinition ensurePath(ApiDefinition draft, ApiDefinition base, String path) {
    Resource parent = draft.resource(draft.rootResourceId()).orElseThrow();
    for (String part : normalised(path).substring(1).split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String childPath = parent.path().equals("/") ? "/" + part : parent.path() + "/" + part;
      Resource child = draft.resourceByPath(childPath).orElse(null);
      if (child == null) {
        String id = base.resourceByPath(childPath).map(Resource::id).orElseGet(Ids::apiGateway);
        child = new Resource(id, parent.id(), part, childPath, Map.of());
        draft = draft.with(child);
      }
      parent = child;
    }
    return draft;
  }

  private static String normalised(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
