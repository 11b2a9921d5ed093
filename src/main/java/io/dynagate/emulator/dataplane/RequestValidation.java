package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  // compiled once per model text; models change only with a new definition
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

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
      String schema = model == null ? null : models.get(model);
      if (schema != null && !matches(schema, call.input().body(), call.trace())) {
        return Optional.of(badRequest("Invalid request body"));
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

  private boolean matches(String schemaText, String body, Trace trace) {
    JsonNode document;
    try {
      document = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (Exception e) {
      trace.line("Request body is not valid JSON: %s", e.getMessage());
      return false;
    }
    List<Error> errors =
        schemas.computeIfAbsent(schemaText, registry::getSchema).validate(document);
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
