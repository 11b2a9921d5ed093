package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request validators of an OpenAPI document ({@code x-amazon-apigateway-request-validators}),
 * and what each method takes from it: the validator it names (or the document's default) and the
 * model of each {@code requestBody} content type.
 */
final class RequestValidators {

  private static final String VALIDATOR = "x-amazon-apigateway-request-validator";

  private final Map<String, RequestValidator> byName;
  private final String defaultName;

  private RequestValidators(Map<String, RequestValidator> byName, String defaultName) {
    this.byName = byName;
    this.defaultName = defaultName;
  }

  static RequestValidators of(JsonNode root) {
    Map<String, RequestValidator> byName = new LinkedHashMap<>();
    root.path("x-amazon-apigateway-request-validators")
        .fields()
        .forEachRemaining(
            v ->
                byName.put(
                    v.getKey(),
                    new RequestValidator(
                        v.getKey(),
                        v.getValue().path("validateRequestBody").asBoolean(false),
                        v.getValue().path("validateRequestParameters").asBoolean(false))));
    String fallback = root.path(VALIDATOR).asText(null);
    if (fallback != null && !byName.containsKey(fallback)) {
      throw unknown(fallback);
    }
    return new RequestValidators(byName, fallback);
  }

  /** Every validator the document declares, by name, used or not. */
  Map<String, RequestValidator> all() {
    return byName;
  }

  /** The methods of one path item with their validators and request models. */
  Map<String, Method> apply(JsonNode pathItem, Map<String, Method> methods) {
    Map<String, Method> out = new LinkedHashMap<>();
    methods.forEach(
        (httpMethod, method) -> {
          String key =
              httpMethod.equals("ANY")
                  ? OpenApiReader.ANY_METHOD
                  : httpMethod.toLowerCase(Locale.ROOT);
          out.put(httpMethod, with(method, pathItem.path(key)));
        });
    return out;
  }

  private Method with(Method method, JsonNode operation) {
    String name = operation.path(VALIDATOR).asText(defaultName);
    RequestValidator validator = null;
    if (name != null) {
      validator = byName.get(name);
      if (validator == null) {
        throw unknown(name);
      }
    }
    Map<String, String> models = new LinkedHashMap<>();
    operation
        .path("requestBody")
        .path("content")
        .fields()
        .forEachRemaining(
            content -> {
              String ref = content.getValue().path("schema").path("$ref").asText("");
              if (!ref.isEmpty()) {
                models.put(content.getKey(), ref.substring(ref.lastIndexOf('/') + 1));
              }
            });
    if (validator == null && models.isEmpty()) {
      return method;
    }
    return new Method(
        method.httpMethod(),
        method.authorizationType(),
        method.authorizerId(),
        method.apiKeyRequired(),
        method.operationName(),
        name,
        method.requestParameters(),
        models,
        method.authorizationScopes(),
        method.methodResponses(),
        method.methodIntegration(),
        validator);
  }

  private static RuntimeException unknown(String name) {
    return ApiGatewayErrors.badRequest(
        "Invalid OpenAPI input: request validator " + name + " is not defined");
  }
}
