package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.MethodResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads OpenAPI 3 (JSON or YAML) with API Gateway's extensions, as ImportRestApi and PutRestApi do.
 */
final class OpenApiReader {

  static final String INTEGRATION = "x-amazon-apigateway-integration";
  static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  private static final List<String> OPERATIONS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", ANY_METHOD);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  private OpenApiReader() {}

  static OpenApiDocument read(byte[] body) {
    JsonNode root = parse(body);
    if (!root.path("openapi").asText("").startsWith("3.")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid OpenAPI input: the emulator imports OpenAPI 3 documents only (an 'openapi: 3.x' field)");
    }
    JsonNode info = root.path("info");
    Map<String, Map<String, Method>> paths = new LinkedHashMap<>();
    RequestValidators validators = RequestValidators.of(root);
    root.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                paths.put(
                    checkedPath(path.getKey()),
                    validators.apply(path.getValue(), methods(path.getValue()))));
    Map<String, String> models = new LinkedHashMap<>();
    root.path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(schema -> models.put(schema.getKey(), schema.getValue().toString()));
    return new OpenApiDocument(
        ApiGatewayJson.text(info, "title"),
        ApiGatewayJson.text(info, "description"),
        ApiGatewayJson.text(info, "version"),
        ApiGatewayJson.stringList(root, "x-amazon-apigateway-binary-media-types"),
        paths,
        models);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      try {
        JsonNode tree = YAML.readTree(body);
        if (tree != null && tree.isObject()) {
          return tree;
        }
      } catch (IOException notYaml) {
        // answered below
      }
    }
    throw ApiGatewayErrors.badRequest("Invalid OpenAPI input: the body is neither JSON nor YAML");
  }

  private static String checkedPath(String path) {
    if (!path.startsWith("/") || path.contains("//")) {
      throw ApiGatewayErrors.badRequest("Invalid OpenAPI input: invalid path " + path);
    }
    return path;
  }

  private static Map<String, Method> methods(JsonNode pathItem) {
    Map<String, Method> methods = new LinkedHashMap<>();
    for (String key : OPERATIONS) {
      if (pathItem.has(key)) {
        String httpMethod = key.equals(ANY_METHOD) ? "ANY" : key.toUpperCase(Locale.ROOT);
        methods.put(httpMethod, method(httpMethod, pathItem.get(key), pathItem.path("parameters")));
      }
    }
    return methods;
  }

  private static Method method(String httpMethod, JsonNode operation, JsonNode pathParameters) {
    Map<String, Boolean> parameters = new LinkedHashMap<>();
    pathParameters.forEach(parameter -> addParameter(parameters, parameter));
    operation.path("parameters").forEach(parameter -> addParameter(parameters, parameter));
    Map<String, MethodResponse> responses = new LinkedHashMap<>();
    operation
        .path("responses")
        .fields()
        .forEachRemaining(r -> responses.put(r.getKey(), methodResponse(r.getKey(), r.getValue())));
    JsonNode auth = operation.path("x-amazon-apigateway-auth");
    String authorizationType =
        auth.has("type") ? auth.get("type").asText().toUpperCase(Locale.ROOT) : "NONE";
    return new Method(
        httpMethod,
        authorizationType,
        null,
        false,
        ApiGatewayJson.text(operation, "operationId"),
        null,
        parameters,
        Map.of(),
        List.of(),
        responses,
        operation.has(INTEGRATION) ? integration(operation.get(INTEGRATION)) : null);
  }

  private static void addParameter(Map<String, Boolean> parameters, JsonNode parameter) {
    String location =
        switch (parameter.path("in").asText()) {
          case "path" -> "path";
          case "query" -> "querystring";
          case "header" -> "header";
          default -> null;
        };
    if (location != null) {
      boolean required = location.equals("path") || parameter.path("required").asBoolean(false);
      parameters.put(
          "method.request." + location + "." + parameter.path("name").asText(), required);
    }
  }

  private static MethodResponse methodResponse(String status, JsonNode response) {
    Map<String, Boolean> headers = new LinkedHashMap<>();
    response
        .path("headers")
        .fieldNames()
        .forEachRemaining(name -> headers.put("method.response.header." + name, false));
    Map<String, String> models = new LinkedHashMap<>();
    response
        .path("content")
        .fields()
        .forEachRemaining(
            content -> {
              String ref = content.getValue().path("schema").path("$ref").asText("");
              if (!ref.isEmpty()) {
                models.put(content.getKey(), ref.substring(ref.lastIndexOf('/') + 1));
              }
            });
    return new MethodResponse(status, headers, models);
  }

  private static Integration integration(JsonNode node) {
    Integration integration = IntegrationRules.fromJson(node);
    for (var entry :
        (Iterable<Map.Entry<String, JsonNode>>) () -> node.path("responses").fields()) {
      JsonNode response = entry.getValue();
      String pattern = entry.getKey().equals("default") ? null : entry.getKey();
      integration =
          integration.withResponse(
              new IntegrationResponse(
                  response.path("statusCode").asText(),
                  pattern,
                  ApiGatewayJson.stringMap(response, "responseParameters"),
                  ApiGatewayJson.stringMap(response, "responseTemplates"),
                  ApiGatewayJson.text(response, "contentHandling")));
    }
    return IntegrationRules.validated(integration);
  }
}
