package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team's own response templates, proved before they go live: the classic mistakes are each
 * reported with the probe that caught them, its request and the answer; a sound template passes.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class CustomTemplatePreflightTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Answers 404 itself, then writes the fields with the escaping API Gateway needs. */
  static final String SOUND =
      """
      #set($item = $input.path('$.Item'))
      #if("$!item" == '')
      #set($context.responseOverride.status = 404)
      {"error":"no such user"}
      #else
      {"id":"$util.escapeJavaScript($item.userId.S).replaceAll("\\\\'","'")",\
      "displayName":"$util.escapeJavaScript($item.name.S).replaceAll("\\\\'","'")"}
      #end
      """;

  private static String route(String template) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "method", "GET",
            "path", "/users/{userId}",
            "table", "pf-users",
            "responseTemplate", template));
  }

  private static JsonPath preflightOf(String api, String template) throws Exception {
    PreflightTest.declare(api, Map.of("get-user", route(template)));
    return PreflightTest.preflight(api);
  }

  private static Map<String, Object> probe(JsonPath report, String name) {
    return report.getMap("routes[0].probes.find { it.probe == '" + name + "' }");
  }

  @Test
  void aSoundTemplatePasses() throws Exception {
    JsonPath report = preflightOf("pf-sound", SOUND);
    assertTrue(report.getBoolean("passed"), () -> report.get("routes").toString());
  }

  @Test
  void utilToJsonDoesNotExistOnApiGateway() throws Exception {
    JsonPath report =
        preflightOf("pf-tojson", "#set($item = $input.path('$.Item'))\n$util.toJson($item)\n");
    assertFalse(report.getBoolean("passed"));
    Map<String, Object> found = probe(report, "found item");
    assertEquals(false, found.get("passed"));
    assertEquals("the answer is not valid JSON", found.get("reason"));
    // the method does not exist: it renders as nothing, and nothing is not JSON
    assertEquals(200, report.getInt("routes[0].probes[0].answer.status"));
    assertTrue(report.getString("routes[0].probes[0].answer.body").isBlank());
  }

  @Test
  void anUnescapedQuoteBreaksTheJsonOfHostileValues() throws Exception {
    String template = SOUND.replace(".replaceAll(\"\\\\'\",\"'\")", "");
    JsonPath report = preflightOf("pf-quote", template);
    assertFalse(report.getBoolean("passed"));
    assertEquals(true, probe(report, "found item").get("passed"));
    Map<String, Object> hostile = probe(report, "hostile keys");
    assertEquals(false, hostile.get("passed"));
    assertEquals("the answer is not valid JSON", hostile.get("reason"));
  }

  @Test
  void brokenJsonIsCaught() throws Exception {
    String template = SOUND.replace("\"}\n#end", "\"\n#end");
    JsonPath report = preflightOf("pf-broken", template);
    assertFalse(report.getBoolean("passed"));
    assertEquals("the answer is not valid JSON", probe(report, "found item").get("reason"));
  }

  @Test
  void anAnswerWithoutTheKeyIsCaught() throws Exception {
    String template =
        SOUND.replace(
            "\"id\":\"$util.escapeJavaScript($item.userId.S).replaceAll(\"\\\\'\",\"'\")\",", "");
    assertFalse(template.contains("userId.S"), template);
    JsonPath report = preflightOf("pf-nokey", template);
    assertFalse(report.getBoolean("passed"));
    Map<String, Object> found = probe(report, "found item");
    assertEquals("the answer does not hold the key userId = \"pf-userId-0\"", found.get("reason"));
    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) found.get("request");
    assertEquals("/users/pf-userId-0", request.get("path"));
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) found.get("answer");
    assertEquals(200, answer.get("status"));
  }

  @Test
  void aTemplateWithout404IsCaught() throws Exception {
    String template =
        "{\"id\":\"$util.escapeJavaScript($input.path('$.Item.userId.S')).replaceAll(\"\\\\'\",\"'\")\"}";
    JsonPath report = preflightOf("pf-no404", template);
    Map<String, Object> missing = probe(report, "missing item");
    assertEquals("expected 404 for a missing key, got 200", missing.get("reason"));
    assertEquals(List.of(false), List.of(report.getBoolean("passed")));
  }

  @Test
  void templatesAreCheckedAtDeclaration() throws Exception {
    PreflightTest.declare("pf-declared", Map.of());
    given()
        .body(route("x".repeat(16_385)))
        .put("/api/v1/apis/pf-declared/routes/too-long")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("responseTemplate"));
    given()
        .body(route("{\"a\":\"\u0001\"}"))
        .put("/api/v1/apis/pf-declared/routes/control")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("control characters"));
    given()
        .body(route("#parse('other.vm')"))
        .put("/api/v1/apis/pf-declared/routes/parse")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("#parse"));
    given()
        .body(
            JSON.writeValueAsString(
                Map.of(
                    "method", "GET",
                    "path", "/users/{userId}",
                    "table", "pf-users",
                    "requestTemplate", "{}")))
        .put("/api/v1/apis/pf-declared/routes/request")
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("requestTemplate"));
    given().get("/api/v1/apis/pf-declared/routes/too-long").then().statusCode(404);
  }
}
