package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.MethodResponse;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.apigateway.model.RestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** GetExport's {@code oas30}: a stage's deployed definition as OpenAPI 3, integrations optional. */
final class OpenApiWriter {

  private OpenApiWriter() {}

  static ObjectNode write(
      RestApi api, ApiDefinition definition, String stage, String region, boolean integrations) {
    ObjectNode root = ApiGatewayJson.MAPPER.createObjectNode().put("openapi", "3.0.1");
    ObjectNode info = root.putObject("info").put("title", api.name());
    if (api.description() != null) {
      info.put("description", api.description());
    }
    info.put("version", api.version() != null ? api.version() : api.createdDate().toString());
    ObjectNode server = root.putArray("servers").addObject();
    server.put(
        "url", "https://" + api.id() + ".execute-api." + region + ".amazonaws.com/{basePath}");
    server.putObject("variables").putObject("basePath").put("default", stage);
    ObjectNode paths = root.putObject("paths");
    for (Resource resource : definition.byPath()) {
      if (!resource.resourceMethods().isEmpty()) {
        ObjectNode item = paths.putObject(resource.path());
        resource
            .resourceMethods()
            .values()
            .forEach(method -> item.set(key(method), operation(method, integrations)));
      }
    }
    if (!api.models().isEmpty()) {
      ObjectNode schemas = root.putObject("components").putObject("schemas");
      api.models().forEach((name, schema) -> schemas.set(name, parse(schema)));
    }
    if (!api.binaryMediaTypes().isEmpty()) {
      root.set(
          "x-amazon-apigateway-binary-media-types",
          ApiGatewayJson.MAPPER.valueToTree(api.binaryMediaTypes()));
    }
    return root;
  }

  private static String key(Method method) {
    return method.httpMethod().equals("ANY")
        ? OpenApiReader.ANY_METHOD
        : method.httpMethod().toLowerCase(Locale.ROOT);
  }

  private static ObjectNode operation(Method method, boolean integrations) {
    ObjectNode operation = ApiGatewayJson.MAPPER.createObjectNode();
    if (method.operationName() != null) {
      operation.put("operationId", method.operationName());
    }
    if (!method.requestParameters().isEmpty()) {
      ArrayNode parameters = operation.putArray("parameters");
      method
          .requestParameters()
          .forEach((name, required) -> parameters.add(parameter(name, required)));
    }
    ObjectNode responses = operation.putObject("responses");
    method
        .methodResponses()
        .values()
        .forEach(response -> responses.set(response.statusCode(), response(response)));
    if (integrations && method.methodIntegration() != null) {
      operation.set(OpenApiReader.INTEGRATION, integration(method.methodIntegration()));
    }
    return operation;
  }

  private static ObjectNode parameter(String name, boolean required) {
    String[] parts = name.split("\\.", 4);
    String in = parts[2].equals("querystring") ? "query" : parts[2];
    ObjectNode parameter =
        ApiGatewayJson.MAPPER.createObjectNode().put("name", parts[3]).put("in", in);
    parameter.put("required", required);
    parameter.putObject("schema").put("type", "string");
    return parameter;
  }

  private static ObjectNode response(MethodResponse response) {
    ObjectNode node =
        ApiGatewayJson.MAPPER
            .createObjectNode()
            .put("description", response.statusCode() + " response");
    if (!response.parameters().isEmpty()) {
      ObjectNode headers = node.putObject("headers");
      response
          .responseParameters()
          .keySet()
          .forEach(
              name ->
                  headers
                      .putObject(name.substring(name.lastIndexOf('.') + 1))
                      .putObject("schema")
                      .put("type", "string"));
    }
    if (!response.models().isEmpty()) {
      ObjectNode content = node.putObject("content");
      response
          .responseModels()
          .forEach(
              (type, model) ->
                  content
                      .putObject(type)
                      .putObject("schema")
                      .put("$ref", "#/components/schemas/" + model));
    }
    return node;
  }

  private static ObjectNode integration(Integration integration) {
    ObjectNode node = ApiGatewayJson.MAPPER.valueToTree(integration);
    node.remove("integrationResponses");
    node.put("type", integration.type().toLowerCase(Locale.ROOT));
    node.put("passthroughBehavior", integration.passthroughBehavior().toLowerCase(Locale.ROOT));
    ObjectNode responses = node.putObject("responses");
    for (IntegrationResponse response : integration.integrationResponses().values()) {
      String key =
          response.selectionPattern() == null || response.selectionPattern().isEmpty()
              ? "default"
              : response.selectionPattern();
      ObjectNode value = ApiGatewayJson.MAPPER.valueToTree(response);
      value.remove("selectionPattern");
      responses.set(key, value);
    }
    return node;
  }

  private static JsonNode parse(String json) {
    try {
      return ApiGatewayJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
