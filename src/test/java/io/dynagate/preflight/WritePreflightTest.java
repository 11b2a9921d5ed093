package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.reconcile.DesiredStates;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiRenderer;
import io.dynagate.render.Definition;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Write routes under preflight: every mode and option passes the write probes with hostile bodies;
 * a request template that does not store what was sent is caught by reading the table back.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class WritePreflightTest {

  @Inject DesiredStates desiredStates;
  @Inject Registry registry;
  @Inject PreflightRunner runner;

  private static final String TABLE =
      """
      {"TableName": "pf-wnotes",
       "AttributeDefinitions": [{"AttributeName": "noteId", "AttributeType": "S"}],
       "KeySchema": [{"AttributeName": "noteId", "KeyType": "HASH"}],
       "BillingMode": "PAY_PER_REQUEST",
       "AttributeSchema": {"title": "S", "stars": "N", "tags": "SS", "done": "BOOL",
                           "meta": "M", "version": "N", "blob": "B", "nothing": "NULL",
                           "lines": {"L": {"M": {"sku": "S", "qty": "N"}}}}}
      """;

  private static void declare(String api, Map<String, String> routes) {
    given().body(TABLE).put("/api/v1/tables/pf-wnotes").then().statusCode(PreflightTest.oneOf());
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/" + api).then().statusCode(201);
    routes.forEach(
        (name, body) ->
            given()
                .body(body)
                .put("/api/v1/apis/" + api + "/routes/" + name)
                .then()
                .statusCode(201));
  }

  @Test
  void everyWriteRoutePassesTheWriteProbes() throws Exception {
    declare(
        "pf-writes",
        Map.of(
            "create-note",
            "{\"method\":\"POST\",\"path\":\"/notes/{noteId}\",\"table\":\"pf-wnotes\","
                + "\"action\":\"PutItem\",\"timestamps\":true}",
            "replace-note",
            "{\"method\":\"PUT\",\"path\":\"/notes/{noteId}\",\"table\":\"pf-wnotes\","
                + "\"action\":\"PutItem\"}",
            "upsert-draft",
            "{\"method\":\"PUT\",\"path\":\"/drafts/{noteId}\",\"table\":\"pf-wnotes\","
                + "\"action\":\"PutItem\",\"mode\":\"upsert\",\"allowUndeclared\":true}",
            "patch-note",
            "{\"method\":\"PATCH\",\"path\":\"/notes/{noteId}\",\"table\":\"pf-wnotes\","
                + "\"action\":\"UpdateItem\",\"versionAttribute\":\"version\",\"allowRemove\":true}",
            "patch-plain",
            "{\"method\":\"PATCH\",\"path\":\"/plain/{noteId}\",\"table\":\"pf-wnotes\","
                + "\"action\":\"UpdateItem\"}",
            "delete-note",
            "{\"method\":\"DELETE\",\"path\":\"/notes/{noteId}\",\"table\":\"pf-wnotes\","
                + "\"action\":\"DeleteItem\",\"versionAttribute\":\"version\"}",
            "get-note",
            "{\"method\":\"GET\",\"path\":\"/notes/{noteId}\",\"table\":\"pf-wnotes\"}"));
    JsonPath report = PreflightTest.preflight("pf-writes");
    assertTrue(report.getBoolean("passed"), () -> report.get("routes").toString());
    assertEquals(
        List.of("write and read back", "write conflict", "invalid body", "no permission"),
        report.getList("routes.find { it.route == 'create-note' }.probes.probe"));
    assertEquals(
        List.of("write and read back", "invalid body", "no permission"),
        report.getList("routes.find { it.route == 'upsert-draft' }.probes.probe"));
    assertEquals(
        List.of("write and read back", "write conflict", "no permission"),
        report.getList("routes.find { it.route == 'delete-note' }.probes.probe"));
    // API Gateway's own refusal, the body of a wrong type never reaching DynamoDB
    Map<String, Object> invalid =
        report.getMap(
            "routes.find { it.route == 'patch-note' }.probes.find { it.probe == 'invalid body' }");
    Map<?, ?> answer = (Map<?, ?>) invalid.get("answer");
    assertEquals(400, answer.get("status"), invalid.toString());
    assertEquals(
        new ObjectMapper().readTree("{\"message\":\"Invalid request body\"}"),
        new ObjectMapper().readTree((String) answer.get("body")));
    assertEquals("{\"blob\":42}", ((Map<?, ?>) invalid.get("request")).get("body"));
  }

  /**
   * A team's request template on a definition whose validator no longer checks bodies: the wrongly
   * typed body reaches DynamoDB (the template stores what it is given), and preflight says so. (The
   * template stores only two attributes, which the write probe reports too.)
   */
  @Test
  void aDefinitionThatLetsAnInvalidBodyThroughIsBlocked() throws Exception {
    String own =
        """
        #set($p = $input.params())
        {"TableName": "pf-wnotes", "Item": {
          "noteId": {"S": "$util.escapeJavaScript($p.path.get('noteId')).replaceAll("\\\\'","'")"},
          "blob": {"S": "$util.escapeJavaScript($input.json('$.blob')).replaceAll("\\\\'","'")"}}}
        """;
    declare(
        "pf-loose",
        Map.of(
            "put-note",
            new ObjectMapper()
                .writeValueAsString(
                    Map.of(
                        "method", "PUT",
                        "path", "/notes/{noteId}",
                        "table", "pf-wnotes",
                        "action", "PutItem",
                        "mode", "upsert",
                        "requestTemplate", own))));
    ApiDeclaration declaration =
        desiredStates.declaration(registry.get(Ref.api("pf-loose")).orElseThrow());
    Definition generated = ApiRenderer.render(declaration);
    ObjectNode openApi = (ObjectNode) new ObjectMapper().readTree(generated.openApi());
    ((ObjectNode) openApi.at("/x-amazon-apigateway-request-validators/body-and-params"))
        .put("validateRequestBody", false);
    Definition loose =
        new Definition(
            openApi.toString(),
            generated.trustPolicy(),
            generated.permissionPolicy(),
            generated.roleName(),
            generated.hash() + "-loose");

    PreflightReport report =
        runner.run(new Subject(declaration, loose, "dev", desiredStates.policyName()));

    assertFalse(report.passed());
    PreflightReport.ProbeResult invalid =
        report.routes().get(0).probes().stream()
            .filter(p -> p.probe().equals("invalid body"))
            .findFirst()
            .orElseThrow();
    assertFalse(invalid.passed());
    assertTrue(
        invalid.reason().startsWith("the body reached DynamoDB (1 call, answered 2"),
        invalid.reason());
    assertTrue(
        invalid
            .reason()
            .endsWith(
                "no request validator checks it against the route's model"
                    + " before the template runs"),
        invalid.reason());
    // the same template under the generated definition: API Gateway refuses the body first
    assertTrue(
        runner
            .run(new Subject(declaration, generated, "dev", desiredStates.policyName()))
            .routes()
            .get(0)
            .probes()
            .stream()
            .anyMatch(p -> p.probe().equals("invalid body") && p.passed()));
  }

  @Test
  void aRequestTemplateThatDoesNotStoreTheBodyIsCaught() throws Exception {
    String constant =
        """
        #set($p = $input.params())
        {"TableName": "pf-wnotes", "Item": {
          "noteId": {"S": "$util.escapeJavaScript($p.path.get('noteId')).replaceAll("\\\\'","'")"},
          "title": {"S": "always the same"}}}
        """;
    declare(
        "pf-constant",
        Map.of(
            "replace-note",
            new ObjectMapper()
                .writeValueAsString(
                    Map.of(
                        "method", "PUT",
                        "path", "/notes/{noteId}",
                        "table", "pf-wnotes",
                        "action", "PutItem",
                        "requestTemplate", constant))));
    JsonPath report = PreflightTest.preflight("pf-constant");
    assertFalse(report.getBoolean("passed"));
    Map<String, Object> write =
        report.getMap("routes[0].probes.find { it.probe == 'write and read back' }");
    assertEquals(false, write.get("passed"));
    assertTrue(
        ((String) write.get("reason")).startsWith("stored item: attributes [noteId, title] where"),
        write.toString());
  }
}
