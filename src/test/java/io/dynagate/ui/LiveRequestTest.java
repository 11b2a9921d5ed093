package io.dynagate.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dynagate.declaration.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveRequestTest {

  private static final String INVOKE = "http://localhost:4566/restapis/abc123/dev/_user_request_";

  private static TryRequest request(
      Map<String, String> path, Map<String, String> query, Map<String, String> header) {
    return new TryRequest("users-api", "get-user", path, query, header);
  }

  @Test
  void pathParametersAndQueryAreEncodedIntoTheInvokeUrl() {
    var result =
        LiveRequest.of(
            INVOKE + "/",
            "/users/{userId}/orders/{orderId}",
            request(
                Map.of("userId", "o'brien 1", "orderId", "a/b"),
                Map.of("prefix", "2024 &x", "limit", ""),
                Map.of()),
            Set.of());
    assertEquals(
        INVOKE + "/users/o%27brien%201/orders/a%2Fb?prefix=2024%20%26x",
        result.request().uri().toString());
  }

  @Test
  void everyMissingPathParameterIsNamed() {
    var result =
        LiveRequest.of(
            INVOKE,
            "/users/{userId}/orders/{orderId}",
            request(Map.of(), Map.of(), Map.of()),
            Set.of());
    assertNull(result.request());
    assertEquals(
        List.of(
            Violation.of("path.userId", "is required"),
            Violation.of("path.orderId", "is required")),
        result.violations());
  }

  @Test
  void onlyHeadersTheRouteReadsAreSent() {
    var refused =
        LiveRequest.of(
            INVOKE, "/me", request(Map.of(), Map.of(), Map.of("X-Other", "x")), Set.of("x-user"));
    assertEquals(
        List.of(Violation.of("header.X-Other", "the route reads no such header")),
        refused.violations());
    var owned =
        LiveRequest.of(
            INVOKE,
            "/me",
            request(Map.of(), Map.of(), Map.of("Host", "evil.example")),
            Set.of("x-user", "host"));
    assertEquals(
        List.of(Violation.of("header.Host", "is set by HTTP itself and cannot be sent")),
        owned.violations());

    var sent =
        LiveRequest.of(
            INVOKE, "/me", request(Map.of(), Map.of(), Map.of("X-User", "u1")), Set.of("x-user"));
    assertEquals(Map.of("X-User", "u1"), sent.request().headers());
  }
}
