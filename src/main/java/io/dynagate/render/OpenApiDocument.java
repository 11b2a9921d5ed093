package io.dynagate.render;

import io.dynagate.declaration.PathTemplate;
import io.dynagate.declaration.RequestSource;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.declaration.TableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The OpenAPI 3 document with API Gateway's extensions, as {@code PutRestApi} takes it. */
final class OpenApiDocument {

  private static final String VALIDATOR = "params";
  private static final String BODY_VALIDATOR = "body-and-params";
  private static final Map<String, String> WRITE_STATUSES =
      Map.of(
          "201", "Created",
          "204", "No content",
          "409", "Conflict",
          "412", "Precondition failed",
          "413", "Item too large");
  private static final Map<String, String> STATUSES =
      Map.of(
          "200", "OK",
          "400", "Bad request",
          "404", "Not found",
          "429", "Too many requests",
          "500", "Internal server error",
          "502", "Bad gateway");

  private final ApiDeclaration api;
  private final Optional<Cors> cors;
  private final Map<String, Object> models = new TreeMap<>();
  private final Map<Map<String, Object>, String> modelNames = new HashMap<>();

  OpenApiDocument(ApiDeclaration api) {
    this.api = api;
    this.cors = Optional.ofNullable(api.api().cors()).map(Cors::new);
  }

  Map<String, Object> build() {
    Map<String, Object> paths = new TreeMap<>();
    for (ApiDeclaration.NamedRoute route : api.routes()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> methods =
          (Map<String, Object>) paths.computeIfAbsent(route.spec().path(), p -> new TreeMap<>());
      String verb = route.spec().method().toLowerCase(Locale.ROOT);
      if (methods.put(verb, method(route)) != null) {
        throw new IllegalArgumentException("two routes answer " + verb + " " + route.spec().path());
      }
      List<String> verbs =
          methods.keySet().stream()
              .filter(v -> !v.equals("options"))
              .map(v -> v.toUpperCase(Locale.ROOT))
              .toList();
      cors.ifPresent(
          c -> methods.put("options", c.optionsMethod(pathParameters(route.spec()), verbs)));
    }
    Map<String, Object> info = new TreeMap<>();
    info.put("title", api.apiName());
    info.put("version", "1.0");
    if (api.api().description() != null) {
      info.put("description", api.api().description());
    }
    Map<String, Object> doc = new TreeMap<>();
    doc.put("openapi", "3.0.1");
    doc.put("info", info);
    doc.put("paths", paths);
    // one components object: an API with write routes needs its security schemes beside its
    // body models, or API Gateway drops the key or signature requirement of every method
    Map<String, Object> components = new TreeMap<>();
    Map<String, Object> schemes = Security.schemes(api);
    if (schemes != null) {
      components.put("securitySchemes", schemes);
    }
    ResourcePolicies.of(api).ifPresent(policy -> doc.put("x-amazon-apigateway-policy", policy));
    // Required path, query and header parameters are checked by API Gateway before DynamoDB.
    Map<String, Object> validators = new TreeMap<>();
    validators.put(
        VALIDATOR, Map.of("validateRequestParameters", true, "validateRequestBody", false));
    if (!models.isEmpty()) {
      // write bodies are checked against their model too; read-only APIs keep their definition
      validators.put(
          BODY_VALIDATOR, Map.of("validateRequestParameters", true, "validateRequestBody", true));
      models.putAll(BodyModel.anyValueModels());
      components.put("schemas", models);
    }
    if (!components.isEmpty()) {
      doc.put("components", components);
    }
    doc.put("x-amazon-apigateway-request-validators", validators);
    // the API's validator applies to every method that names none (AWS: "The API-level validator
    // applies to all of the methods unless it is overridden by the method-level validator")
    doc.put("x-amazon-apigateway-request-validator", VALIDATOR);
    return doc;
  }

  /**
   * A write route's body: its model, required, validated before the integration runs. Routes whose
   * bodies have the same model share it, named after the first of them.
   */
  private void requestBody(ApiDeclaration.NamedRoute route, Map<String, Object> method) {
    Map<String, Object> model = BodyModel.of(route.spec(), api.table(route.spec()), "");
    String name = modelNames.get(model);
    if (name == null) {
      name = modelName(route.name());
      modelNames.put(model, name);
      models.put(name, BodyModel.of(route.spec(), api.table(route.spec()), name));
    }
    Map<String, Object> content =
        Map.of(
            "application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/" + name)));
    method.put("requestBody", Map.of("required", true, "content", content));
    method.put("x-amazon-apigateway-request-validator", BODY_VALIDATOR);
  }

  /** API Gateway model names are alphanumeric: {@code put-user} becomes {@code PutUserBody}. */
  private String modelName(String routeName) {
    StringBuilder out = new StringBuilder();
    for (String part : routeName.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String base = out.append("Body").toString();
    String name = base;
    for (int i = 2; models.containsKey(name); i++) {
      name = base + i;
    }
    return name;
  }

  private Map<String, Object> method(ApiDeclaration.NamedRoute route) {
    RouteSpec spec = route.spec();
    Map<String, Object> method = new TreeMap<>();
    method.put("operationId", route.name());
    method.put("parameters", parameters(spec));
    Map<String, Object> responses = new TreeMap<>();
    Action action = spec.actionOrDefault();
    for (String status : statuses(spec)) {
      String text =
          STATUSES.containsKey(status) ? STATUSES.get(status) : WRITE_STATUSES.get(status);
      responses.put(status, methodResponse(text));
    }
    method.put("responses", responses);
    List<Map<String, List<String>>> security = Security.requirement(api, route.name());
    if (security != null) {
      method.put("security", security);
    }
    if (action == Action.PutItem || action == Action.UpdateItem) {
      requestBody(route, method);
    }
    method.put("x-amazon-apigateway-integration", new Integration(api, cors).of(spec));
    return method;
  }

  /**
   * The statuses a route's templates can answer: those of its integration responses (200, 400, 502)
   * and those its templates set.
   */
  private static List<String> statuses(RouteSpec spec) {
    List<String> statuses = new ArrayList<>(List.of("200", "400", "429", "500", "502"));
    Action action = spec.actionOrDefault();
    if (action == Action.GetItem) {
      statuses.add("404");
    }
    if (action.writes()) {
      statuses.add("413");
      if (spec.versionAttribute() != null) {
        statuses.addAll(List.of("409", "412"));
      } else {
        boolean creates = action == Action.PutItem && spec.modeOrDefault() == Mode.create;
        statuses.add(creates ? "409" : "404");
      }
      if (action == Action.PutItem && spec.modeOrDefault() != Mode.replace) {
        statuses.add("201");
      }
      if (action == Action.DeleteItem) {
        statuses.addAll(List.of("204", "404"));
      }
    }
    return statuses;
  }

  private static Map<String, Object> methodResponse(String description) {
    return Map.of("description", description);
  }

  private List<Map<String, Object>> parameters(RouteSpec spec) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    pathParameters(spec).forEach(p -> put(byKey, p));
    TableSpec table = api.table(spec);
    List<RequestSource> sources =
        new ArrayList<>(
            RouteRules.keySources(spec, table.keySchemaOf(spec.index()).orElseThrow()).values());
    if (spec.sortKey() != null) {
      spec.sortKey().sources().forEach(s -> RequestSource.parse(s).ifPresent(sources::add));
    }
    for (RequestSource source : sources) {
      if (source.location() != RequestSource.Location.path) {
        String in = source.location() == RequestSource.Location.query ? "query" : "header";
        put(byKey, parameter(source.name(), in, true));
      }
    }
    if (spec.actionOrDefault() == Action.Query) {
      for (String optional : List.of("limit", "order", "cursor")) {
        byKey.putIfAbsent("query:" + optional, parameter(optional, "query", false));
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static void put(Map<String, Map<String, Object>> byKey, Map<String, Object> parameter) {
    byKey.put(parameter.get("in") + ":" + parameter.get("name"), parameter);
  }

  static List<Map<String, Object>> pathParameters(RouteSpec spec) {
    return PathTemplate.parse(spec.path()).template().orElseThrow().parameters().stream()
        .map(name -> parameter(name, "path", true))
        .toList();
  }

  private static Map<String, Object> parameter(String name, String in, boolean required) {
    Map<String, Object> p = new TreeMap<>();
    p.put("name", name);
    p.put("in", in);
    if (required) {
      // OpenAPI's default is false
      p.put("required", true);
    }
    p.put("schema", Map.of("type", "string"));
    return p;
  }
}
