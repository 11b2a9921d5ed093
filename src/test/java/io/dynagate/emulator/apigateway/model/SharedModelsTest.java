package io.dynagate.emulator.apigateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every import and deployment keeps its own model of each method; equal template texts and equal
 * methods are held once, whichever import or deployment they came from.
 */
class SharedModelsTest {

  @Test
  void equalTemplateTextsAreHeldOnce() {
    Integration first = integration(new StringBuilder("{\"TableName\":\"users\"}").toString());
    Integration second = integration(new StringBuilder("{\"TableName\":\"users\"}").toString());

    assertSame(
        first.requestTemplates().get("application/json"),
        second.requestTemplates().get("application/json"));
    assertSame(
        first.integrationResponses().get("200").responseTemplates().get("application/json"),
        second.integrationResponses().get("200").responseTemplates().get("application/json"));
    assertEquals(first, second);
  }

  @Test
  void equalMethodsAreHeldOnceAndAChangedOneIsItsOwn() {
    Resource first = resource(method("route-1", integration(text("{}"))));
    Resource again = resource(method("route-1", integration(text("{}"))));
    Resource changed = resource(method("route-1", integration(text("{\"Limit\":1}"))));

    assertSame(first.resourceMethods().get("GET"), again.resourceMethods().get("GET"));
    assertNotSame(first.resourceMethods().get("GET"), changed.resourceMethods().get("GET"));
    assertEquals(
        "{\"Limit\":1}",
        changed.resourceMethods().get("GET").methodIntegration().requestTemplates().get(JSON));
  }

  @Test
  void templatesKeepTheirOrderAndTheirAbsentBodies() {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("text/plain", "b");
    templates.put("application/json", null);
    templates.put("application/xml", "a");

    Integration integration =
        new Integration(
            "AWS", "POST", "uri", null, Map.of(), templates, null, null, 29000, null, List.of(),
            Map.of());

    assertEquals(
        List.of("text/plain", "application/json", "application/xml"),
        List.copyOf(integration.requestTemplates().keySet()));
    assertNull(integration.requestTemplates().get("application/json"));
    assertEquals(
        Map.of(), new IntegrationResponse("200", null, null, Map.of(), null).responseTemplates());
    assertNull(new IntegrationResponse("200", null, null, null, null).responseTemplates());
  }

  private static final String JSON = "application/json";

  /** A text equal to the one given but not the same object, as a parser makes it. */
  private static String text(String text) {
    return new StringBuilder(text).toString();
  }

  private static Method method(String operationName, Integration integration) {
    return new Method(
        "GET",
        "NONE",
        null,
        false,
        operationName,
        null,
        Map.of("method.request.path.userId", true),
        Map.of(),
        List.of(),
        Map.of("200", new MethodResponse("200", Map.of(), Map.of())),
        integration,
        null);
  }

  private static Resource resource(Method method) {
    return new Resource("abc123defg", "root000000", "{userId}", "/{userId}", Map.of("GET", method));
  }

  private static Integration integration(String requestTemplate) {
    Map<String, String> response = new HashMap<>();
    response.put("application/json", new StringBuilder("#set($o=1)$o").toString());
    return new Integration(
        "AWS",
        "POST",
        "arn:aws:apigateway:us-east-1:dynamodb:action/GetItem",
        null,
        Map.of(),
        Map.of("application/json", requestTemplate),
        "NEVER",
        null,
        29000,
        null,
        List.of(),
        Map.of("200", new IntegrationResponse("200", null, Map.of(), response, null)));
  }
}
