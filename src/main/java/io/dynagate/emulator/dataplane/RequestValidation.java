package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.vtl.VtlInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A method's request validator, run as API Gateway runs it before the integration: required
 * parameters first ({@code Missing required request parameters: [a, b]}), then the body against the
 * model of its content type, as JSON Schema draft 4 ({@code Invalid request body}). Both are 400
 * {@code BadRequestException}s; the integration is never called.
 */
@ApplicationScoped
class RequestValidation {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String PREFIX = "method.request.";

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  // compiled once per model and set of models; models change only with a new definition
  private final Map<String, Compiled> schemas = new ConcurrentHashMap<>();

  private record Compiled(Map<String, String> models, Schema schema) {}

  /** API Gateway's answer when the request fails the method's validator, else empty. */
  Optional<EmulatorResponse> refusal(Invocation call, Map<String, String> models) {
    Method method = call.match().method();
    RequestValidator validator = method.requestValidator();
    if (validator == null) {
      return Optional.empty();
    }
    if (validator.validateRequestParameters()) {
      List<String> missing = missing(method, call.input());
      if (!missing.isEmpty()) {
        call.trace().line("Request validation failed: missing %s", missing);
        return Optional.of(
            badRequest(
                "Missing required request parameters: [" + String.join(", ", missing) + "]"));
      }
    }
    if (validator.validateRequestBody()) {
      String model = method.requestModels().get(call.contentType());
      if (model == null) {
        model = method.requestModels().get("$default");
      }
      if (model != null && models.containsKey(model)) {
        Schema schema;
        try {
          schema = schema(model, models);
        } catch (RuntimeException e) {
          call.trace().line("Execution failed: invalid model %s: %s", model, e.getMessage());
          return Optional.of(GatewayResponses.internalError());
        }
        if (!matches(schema, call.input().body(), call.trace())) {
          return Optional.of(badRequest("Invalid request body"));
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> missing(Method method, VtlInput input) {
    List<String> missing = new ArrayList<>();
    method
        .requestParameters()
        .forEach(
            (key, required) -> {
              if (!Boolean.TRUE.equals(required) || !key.startsWith(PREFIX)) {
                return;
              }
              String rest = key.substring(PREFIX.length());
              int dot = rest.indexOf('.');
              String where = rest.substring(0, dot);
              String name = rest.substring(dot + 1);
              boolean present =
                  switch (where) {
                    case "path" -> nonEmpty(input.path().get(name));
                    case "querystring" -> input.querystring().containsKey(name);
                    case "header" ->
                        input.header().keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
                    default -> true;
                  };
              if (!present) {
                missing.add(name);
              }
            });
    return missing;
  }

  /**
   * The model with every model of the API beside it, so that references between models resolve:
   * {@code #/components/schemas/X} as imported, or API Gateway's model URL {@code
   * https://apigateway.amazonaws.com/restapis/ID/models/X}.
   */
  private Schema schema(String name, Map<String, String> models) {
    String key = name + "\n" + models.hashCode();
    Compiled compiled = schemas.get(key);
    if (compiled == null || !compiled.models().equals(models)) {
      ObjectNode document = (ObjectNode) parse(models.get(name));
      ObjectNode definitions = document.putObject("definitions");
      models.forEach((other, text) -> definitions.set(other, parse(text)));
      rewriteReferences(document);
      compiled = new Compiled(models, registry.getSchema(document));
      schemas.put(key, compiled);
    }
    return compiled.schema();
  }

  private static void rewriteReferences(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual()) {
        String text = ref.asText();
        if (text.startsWith("#/components/schemas/") || text.contains("/models/")) {
          object.put("$ref", "#/definitions/" + text.substring(text.lastIndexOf('/') + 1));
        }
      }
    }
    node.forEach(RequestValidation::rewriteReferences);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new ConfigurationError("model is not JSON: " + e.getMessage());
    }
  }

  private boolean matches(Schema schema, String body, Trace trace) {
    JsonNode document;
    try {
      document = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (Exception e) {
      trace.line("Request body is not valid JSON: %s", e.getMessage());
      return false;
    }
    List<Error> errors = schema.validate(document);
    if (!errors.isEmpty()) {
      trace.line("Request body does not match model schema: %s", errors);
    }
    return errors.isEmpty();
  }

  private static boolean nonEmpty(String value) {
    return value != null && !value.isEmpty();
  }

  private static EmulatorResponse badRequest(String message) {
    return EmulatorResponse.json(400, JSON.createObjectNode().put("message", message).toString())
        .withHeader("x-amzn-ErrorType", "BadRequestException");
  }
}
