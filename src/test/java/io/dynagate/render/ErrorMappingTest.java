package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.vtl.Rendered;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DynamoDB errors become neutral JSON. The 4xx integration response answers 400 unless its template
 * overrides the status.
 */
class ErrorMappingTest {

  private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";
  private static final Templates USERS =
      Templates.of(Fixtures.getItem("/users/{userId}", "users", Map.of()));

  @ParameterizedTest
  @CsvSource({
    "ValidationException, 400, Bad request",
    "SerializationException, 400, Bad request",
    "ProvisionedThroughputExceededException, 429, Too many requests",
    "ThrottlingException, 429, Too many requests",
    "RequestLimitExceeded, 429, Too many requests",
    "AccessDeniedException, 500, Internal server error",
    "ResourceNotFoundException, 500, Internal server error",
    "UnrecognizedClientException, 500, Internal server error",
    "LimitExceededException, 500, Internal server error",
    "SomethingNewException, 500, Internal server error"
  })
  void clientErrorsAreMappedByType(String type, int status, String message) {
    String dynamo =
        "{\"__type\":\""
            + PREFIX
            + type
            + "\",\"message\":\"User: arn:aws:sts::123456789012:"
            + "assumed-role/x is not authorized on arn:aws:dynamodb:eu-west-1:123:table/users\"}";
    Rendered out = Run.render(USERS.clientError(), VtlInput.body(dynamo));
    int effective = out.statusOverride().orElse(400);
    assertEquals(status, effective);
    JsonNode body = Run.json(out.body());
    assertEquals(message, body.get("message").asText());
    assertEquals("req-42", body.get("requestId").asText());
    assertFalse(out.body().contains("arn:"), "DynamoDB's message must not leak");
    assertFalse(out.body().contains("users"), "table names must not leak");
  }

  @ParameterizedTest
  @CsvSource({"'{\"__type\":\"InternalServerError\"}'", "''", "'{}'"})
  void serverErrorsAreBadGateway(String dynamo) {
    Rendered out = Run.render(USERS.serverError(), VtlInput.body(dynamo));
    assertEquals(Optional.empty(), out.statusOverride());
    assertEquals(
        Run.json("{\"message\":\"Bad gateway\",\"requestId\":\"req-42\"}"), Run.json(out.body()));
  }

  @ParameterizedTest
  @CsvSource({"'{}'", "''"})
  void aClientErrorWithoutTypeIsNeutral500(String dynamo) {
    Rendered out = Run.render(USERS.clientError(), VtlInput.body(dynamo));
    assertEquals(Optional.of(500), out.statusOverride());
    assertEquals("Internal server error", Run.json(out.body()).get("message").asText());
  }
}
