package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
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
 * Write routes under preflight: every mode and option passes the write probes with hostile bodies;
 * a request template that does not store what was sent is caught by reading the table back.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class WritePreflightTest {

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
  void everyWriteRoutePassesTheWriteProbes() {
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
        List.of("write and read back", "write conflict", "no permission"),
        report.getList("routes.find { it.route == 'create-note' }.probes.probe"));
    assertEquals(
        List.of("write and read back", "no permission"),
        report.getList("routes.find { it.route == 'upsert-draft' }.probes.probe"));
    assertEquals(
        List.of("write and read back", "write conflict", "no permission"),
        report.getList("routes.find { it.route == 'delete-note' }.probes.probe"));
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
