package io.dynagate.render;

import io.dynagate.declaration.PathTemplate;
import io.dynagate.declaration.RequestSource;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The OpenAPI 3 document with API Gateway's extensions, as {@code PutRestApi} takes it. */
final class OpenApiDocument {

  private static final String VALIDATOR = "params";
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
      String verb = route.spec().method().toLowerCase(java.util.Locale.ROOT);
      if (methods.put(verb, method(route)) != null) {
        throw new IllegalArgumentException("two routes answer " + verb + " " + route.spec().path());
      }
      cors.ifPresent(c -> methods.put("options", c.optionsMethod(pathParameters(route.spec()))));
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
    Map<String, Object> schemes = Security.schemes(api);
    if (schemes != null) {
      doc.put("components", Map.of("securitySchemes", schemes));
    }
    ResourcePolicies.of(api).ifPresent(policy -> doc.put("x-amazon-apigateway-policy", policy));
    // Required path, query and header parameters are checked by API Gateway before DynamoDB.
    doc.put(
        "x-amazon-apigateway-request-validators",
        Map.of(VALIDATOR, Map.of("validateRequestParameters", true, "validateRequestBody", false)));
    return doc;
  }

  private Map<String, Object> method(ApiDeclaration.NamedRoute route) {
    RouteSpec spec = route.spec();
    Map<String, Object> method = new TreeMap<>();
    method.put("operationId", route.name());
    method.put("parameters", parameters(spec));
    Map<String, Object> responses = new TreeMap<>();
    STATUSES.forEach((status, text) -> responses.put(status, methodResponse(text)));
    method.put("responses", responses);
    List<Map<String, List<String>>> security = Security.requirement(api, route.name());
    if (security != null) {
      method.put("security", security);
    }
    method.put("x-amazon-apigateway-request-validator", VALIDATOR);
    method.put("x-amazon-apigateway-integration", new Integration(api, cors).of(spec));
    return method;
  }

  private Map<String, Object> methodResponse(String description) {
    Map<String, Object> response = new TreeMap<>();
    response.put("description", description);
    cors.ifPresent(
        c ->
            response.put(
                "headers", Map.of(Cors.ALLOW_ORIGIN, Map.of("schema", Map.of("type", "string")))));
    return response;
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
    p.put("required", required);
    p.put("schema", Map.of("type", "string"));
    return p;
  }
}
