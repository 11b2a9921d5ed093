package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.MethodResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenAPI 3 and Swagger 2.0 (JSON or YAML) with API Gateway's extensions, as ImportRestApi
 * and PutRestApi do, the base path placed by the {@code basepath} mode ({@link BasePath}).
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
    return read(body, null);
  }

  /**
   * @param basepathMode {@code ignore} (the default), {@code prepend} or {@code split}
   */
  static OpenApiDocument read(byte[] body, String basepathMode) {
    JsonNode root = parse(body);
    boolean swagger = root.path("swagger").asText("").equals("2.0");
    if (!swagger && !root.path("openapi").asText("").startsWith("3.")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid OpenAPI input: the emulator imports OpenAPI 3 and Swagger 2.0 documents only");
    }
    JsonNode info = root.path("info");
    String prefix = BasePath.prefix(root, basepathMode);
    Documents context = new Documents(root, swagger, new ArrayList<>());
    Map<String, Map<String, Method>> paths = new LinkedHashMap<>();
    RequestValidators validators = RequestValidators.of(root);
    root.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                paths.put(
                    checkedPath(prefix + path.getKey()),
                    validators.apply(
                        path.getValue(),
                        methods(path.getKey(), prefix + path.getKey(), path.getValue(), context))));
    Map<String, String> models = new LinkedHashMap<>();
    (swagger ? root.path("definitions") : root.path("components").path("schemas"))
        .fields()
        .forEachRemaining(schema -> models.put(schema.getKey(), schema.getValue().toString()));
    return new OpenApiDocument(
        ApiGatewayJson.text(info, "title"),
        ApiGatewayJson.text(info, "description"),
        ApiGatewayJson.text(info, "version"),
        ApiGatewayJson.stringList(root, "x-amazon-apigateway-binary-media-types"),
        OpenApiAccess.secured(root, paths),
        models,
        List.copyOf(context.warnings()),
        validators.all());
  }

  static JsonNode parse(byte[] body) {
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
    throw ApiGatewayErrors.badRequest("Invalid OpenAPI input.");
  }

  private static String checkedPath(String path) {
    if (!path.startsWith("/") || path.contains("//")) {
      throw ApiGatewayErrors.badRequest("Invalid OpenAPI input: invalid path " + path);
    }
    return path;
  }

  private static Map<String, Method> methods(
      String path, String resourcePath, JsonNode pathItem, Documents context) {
    Map<String, Method> methods = new LinkedHashMap<>();
    for (String key : OPERATIONS) {
      if (pathItem.has(key)) {
        String httpMethod = key.equals(ANY_METHOD) ? "ANY" : key.toUpperCase(Locale.ROOT);
        methods.put(
            httpMethod,
            method(
                httpMethod,
                path,
                resourcePath,
                pathItem.get(key),
                pathItem.path("parameters"),
                context));
      }
    }
    return methods;
  }

  private static Method method(
      String httpMethod,
      String path,
      String resourcePath,
      JsonNode operation,
      JsonNode pathParameters,
      Documents context) {
    Map<String, Boolean> parameters = new LinkedHashMap<>();
    // every variable of the path is a required path parameter, declared or not, as AWS imports it
    Matcher variable = Pattern.compile("\\{([^}+]+)\\+?}").matcher(path);
    while (variable.find()) {
      parameters.put("method.request.path." + variable.group(1), true);
    }
    pathParameters.forEach(parameter -> addParameter(parameters, parameter));
    operation.path("parameters").forEach(parameter -> addParameter(parameters, parameter));
    Map<String, MethodResponse> responses = new LinkedHashMap<>();
    operation
        .path("responses")
        .fields()
        .forEachRemaining(
            r ->
                responses.put(
                    r.getKey(), methodResponse(r.getKey(), r.getValue(), operation, context)));
    JsonNode auth = operation.path("x-amazon-apigateway-auth");
    String authorizationType =
        auth.has("type") ? auth.get("type").asText().toUpperCase(Locale.ROOT) : "NONE";
    return new Method(
        httpMethod,
        authorizationType,
        null,
        context.requiresApiKey(operation),
        ApiGatewayJson.text(operation, "operationId"),
        null,
        parameters,
        Map.of(),
        List.of(),
        responses,
        operation.has(INTEGRATION)
            ? integration(
                withoutBadParameters(
                    operation.get(INTEGRATION), resourcePath, httpMethod, context.warnings()))
            : null);
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

  private static MethodResponse methodResponse(
      String status, JsonNode response, JsonNode operation, Documents context) {
    Map<String, Boolean> headers = new LinkedHashMap<>();
    response
        .path("headers")
        .fieldNames()
        .forEachRemaining(name -> headers.put("method.response.header." + name, false));
    Map<String, String> models = new LinkedHashMap<>();
    if (context.swagger()) {
      // Swagger 2.0 names one schema for every type the operation produces
      String ref = response.path("schema").path("$ref").asText("");
      if (!ref.isEmpty()) {
        context
            .produces(operation)
            .forEach(type -> models.put(type, ref.substring(ref.lastIndexOf('/') + 1)));
      }
      return new MethodResponse(
          status, headers.isEmpty() ? null : headers, models.isEmpty() ? null : models);
    }
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
    return new MethodResponse(
        status, headers.isEmpty() ? null : headers, models.isEmpty() ? null : models);
  }

  /**
   * What the operations of one document share: its version, security schemes and default media
   * types.
   */
  private record Documents(JsonNode root, boolean swagger, List<String> warnings) {

    List<String> produces(JsonNode operation) {
      JsonNode produces =
          operation.has("produces") ? operation.get("produces") : root.path("produces");
      List<String> types = new ArrayList<>();
      produces.forEach(type -> types.add(type.asText()));
      return types.isEmpty() ? List.of("application/json") : types;
    }

    /**
     * Whether the operation's security (or the document's) names an API key scheme: API Gateway's
     * {@code api_key}, a header {@code x-api-key} that no authorizer claims.
     */
    boolean requiresApiKey(JsonNode operation) {
      JsonNode security =
          operation.has("security") ? operation.get("security") : root.path("security");
      JsonNode schemes =
          swagger
              ? root.path("securityDefinitions")
              : root.path("components").path("securitySchemes");
      for (JsonNode requirement : security) {
        for (var names = requirement.fieldNames(); names.hasNext(); ) {
          JsonNode scheme = schemes.path(names.next());
          if (scheme.path("type").asText().equals("apiKey")
              && scheme.path("name").asText().equalsIgnoreCase("x-api-key")
              && !scheme.has("x-amazon-apigateway-authorizer")) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /**
   * The integration without the request parameters whose value is not a string: AWS drops them and
   * says so in the import's {@code warnings}.
   */
  private static JsonNode withoutBadParameters(
      JsonNode node, String resourcePath, String httpMethod, List<String> warnings) {
    JsonNode parameters = node.path("requestParameters");
    if (!parameters.isObject()) {
      return node;
    }
    ObjectNode copy = (ObjectNode) node.deepCopy();
    ObjectNode kept = copy.putObject("requestParameters");
    parameters
        .fields()
        .forEachRemaining(
            entry -> {
              if (entry.getValue().isTextual()) {
                kept.set(entry.getKey(), entry.getValue());
              } else {
                warnings.add(
                    "Invalid format for 'requestParameters'. Expected type string for property '"
                        + entry.getKey()
                        + "' of resource '"
                        + resourcePath
                        + "' and method '"
                        + httpMethod
                        + "' but got '"
                        + entry.getValue().asText()
                        + "'");
              }
            });
    return copy;
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
                  response.has("responseTemplates")
                      ? ApiGatewayJson.stringMap(response, "responseTemplates")
                      : null,
                  ApiGatewayJson.text(response, "contentHandling")));
    }
    return IntegrationRules.validated(integration);
  }
}
