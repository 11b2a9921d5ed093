package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Write routes declared, reconciled and called through the emulator's data plane: create, replace,
 * upsert, update with optimistic locking, delete, conflicts and refused bodies.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class WriteRoutesFlowTest {

  private static final String TABLE =
      """
      {"TableName": "wnotes",
       "AttributeDefinitions": [{"AttributeName": "noteId", "AttributeType": "S"}],
       "KeySchema": [{"AttributeName": "noteId", "KeyType": "HASH"}],
       "BillingMode": "PAY_PER_REQUEST",
       "AttributeSchema": {"title": "S", "stars": "N", "tags": "SS", "done": "BOOL",
                           "meta": "M", "version": "N"}}
      """;

  private static final Map<String, String> ROUTES =
      Map.of(
          "create-note",
              "{\"method\":\"POST\",\"path\":\"/notes/{noteId}\",\"table\":\"wnotes\",\"action\":\"PutItem\",\"timestamps\":true}",
          "replace-note",
              "{\"method\":\"PUT\",\"path\":\"/notes/{noteId}\",\"table\":\"wnotes\",\"action\":\"PutItem\"}",
          "upsert-draft",
              "{\"method\":\"PUT\",\"path\":\"/drafts/{noteId}\",\"table\":\"wnotes\",\"action\":\"PutItem\",\"mode\":\"upsert\",\"allowUndeclared\":true}",
          "patch-note",
              "{\"method\":\"PATCH\",\"path\":\"/notes/{noteId}\",\"table\":\"wnotes\",\"action\":\"UpdateItem\",\"versionAttribute\":\"version\",\"allowRemove\":true}",
          "delete-note",
              "{\"method\":\"DELETE\",\"path\":\"/notes/{noteId}\",\"table\":\"wnotes\",\"action\":\"DeleteItem\",\"versionAttribute\":\"version\"}",
          "get-note", "{\"method\":\"GET\",\"path\":\"/notes/{noteId}\",\"table\":\"wnotes\"}");

  private static String invokeUrl;

  @BeforeEach
  void deployOnce() {
    if (invokeUrl != null) {
      return;
    }
    given().body(TABLE).put("/api/v1/tables/wnotes").then().statusCode(201);
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/wnotes").then().statusCode(201);
    ROUTES.forEach(
        (name, spec) ->
            given().body(spec).put("/api/v1/apis/wnotes/routes/" + name).then().statusCode(201));
    invokeUrl =
        given()
            .post("/api/v1/apis/wnotes/reconcile?wait=true")
            .then()
            .statusCode(200)
            .body("status.phase", equalTo("Ready"))
            .extract()
            .path("status.invokeUrl");
  }

  private static RequestSpecification live() {
    return given().baseUri(invokeUrl).contentType(ContentType.JSON);
  }

  @Test
  void createConflictsReplaceAndRead() {
    live()
        .body("{\"title\":\"first\",\"stars\":3,\"tags\":[\"a\",\"b\"],\"version\":1}")
        .post("/notes/c1")
        .then()
        .statusCode(201);
    live()
        .get("/notes/c1")
        .then()
        .statusCode(200)
        .body("title", equalTo("first"))
        .body("stars", equalTo(3))
        .body("createdAt", notNullValue())
        .body("updatedAt", notNullValue());
    live()
        .body("{\"title\":\"again\"}")
        .post("/notes/c1")
        .then()
        .statusCode(409)
        .body("message", equalTo("Already exists"));
    live().body("{\"title\":\"second\",\"version\":1}").put("/notes/c1").then().statusCode(200);
    live()
        .get("/notes/c1")
        .then()
        .body("title", equalTo("second"))
        .body("stars", nullValue())
        .body("createdAt", nullValue());
    live()
        .body("{\"title\":\"nobody\"}")
        .put("/notes/c-absent")
        .then()
        .statusCode(404)
        .body("message", equalTo("Not found"));
    live().get("/notes/c-absent").then().statusCode(404);
  }

  @Test
  void upsertCreatesThenReplacesAndKeepsAHostileValueAsOneString() {
    String hostile = "\"}, \"admin\": {\"BOOL\": true}, \"x\": {\"S\": \"";
    Map<String, Object> body =
        Map.of("title", hostile, "free form", Map.of("deep", java.util.List.of(1, "two", true)));
    live().body(body).put("/drafts/u1").then().statusCode(201);
    live().body(body).put("/drafts/u1").then().statusCode(200);
    live()
        .get("/notes/u1")
        .then()
        .statusCode(200)
        .body("title", equalTo(hostile))
        .body("admin", nullValue())
        .body("x", nullValue())
        .body("'free form'.deep[1]", equalTo("two"));
  }

  @Test
  void updateSetsRemovesAndLocksOnTheVersion() {
    live()
        .body("{\"title\":\"t\",\"stars\":1,\"done\":false,\"version\":1}")
        .post("/notes/p1")
        .then()
        .statusCode(201);
    live()
        .header("If-Match", "\"1\"")
        .body("{\"stars\":5,\"title\":null}")
        .patch("/notes/p1")
        .then()
        .statusCode(200)
        .body("stars", equalTo(5))
        .body("version", equalTo(2))
        .body("title", nullValue())
        .body("done", equalTo(false));
    live()
        .header("If-Match", "\"1\"")
        .body("{\"stars\":6}")
        .patch("/notes/p1")
        .then()
        .statusCode(412)
        .body("message", equalTo("Precondition failed"));
    live()
        .body("{\"stars\":6,\"version\":1}")
        .patch("/notes/p1")
        .then()
        .statusCode(409)
        .body("message", equalTo("Version conflict"));
    live().body("{\"stars\":6}").patch("/notes/p1").then().statusCode(400);
    live()
        .body("{\"stars\":6,\"version\":2}")
        .patch("/notes/p1")
        .then()
        .statusCode(200)
        .body("stars", equalTo(6))
        .body("version", equalTo(3));
    live().get("/notes/p1").then().body("stars", equalTo(6)).body("version", equalTo(3));
  }

  @Test
  void deleteAnswers204Then404AndHonoursTheVersion() {
    live().body("{\"title\":\"d\",\"version\":4}").post("/notes/d1").then().statusCode(201);
    live().header("If-Match", "3").delete("/notes/d1").then().statusCode(412);
    live().get("/notes/d1").then().statusCode(200);
    live().header("If-Match", "4").delete("/notes/d1").then().statusCode(204);
    live().get("/notes/d1").then().statusCode(404);
    live().delete("/notes/d1").then().statusCode(404).body("message", equalTo("Not found"));
  }

  @Test
  void badBodiesAreRefusedByApiGatewayBeforeDynamoDb() {
    for (String bad :
        new String[] {
          "{\"stars\":\"5\"}",
          "{\"admin\":true}",
          "{\"tags\":[]}",
          "{\"tags\":[\"a\",\"a\"]}",
          "{\"createdAt\":1}",
          "{\"noteId\":\"\"}",
          "[1]",
          "not json"
        }) {
      // API Gateway's own answer: the templates' errors carry a requestId
      Map<String, Object> answer =
          live().body(bad).post("/notes/bad1").then().statusCode(400).extract().as(Map.class);
      assertEquals(Map.of("message", "Invalid request body"), answer, bad);
    }
    live().get("/notes/bad1").then().statusCode(404);
  }

  @Test
  void aKeyInTheBodyMustAgreeWithThePath() {
    live().body("{\"noteId\":\"other\",\"title\":\"x\"}").post("/notes/k1").then().statusCode(400);
    live().get("/notes/k1").then().statusCode(404);
    live().get("/notes/other").then().statusCode(404);
    live().body("{\"noteId\":\"k1\",\"title\":\"x\"}").post("/notes/k1").then().statusCode(201);
    live().get("/notes/k1").then().statusCode(200).body("title", equalTo("x"));
  }

  @Test
  void anItemOverDynamoDbsSizeLimitIs413() {
    String big = "x".repeat(410 * 1024);
    live()
        .body(Map.of("title", big))
        .post("/notes/big1")
        .then()
        .statusCode(413)
        .body("message", equalTo("Item too large"));
    live().get("/notes/big1").then().statusCode(404);
  }

  @Test
  void theDefinitionCarriesTheModelTheValidatorAndExactlyTheWriteActions() {
    given()
        .get("/api/v1/apis/wnotes/definition")
        .then()
        .statusCode(200)
        .body("openApi.components.schemas.CreateNoteBody.properties.stars.type", equalTo("number"))
        .body(
            "openApi.paths.'/notes/{noteId}'.post.x-amazon-apigateway-request-validator",
            equalTo("body-and-params"))
        .body(
            "openApi.x-amazon-apigateway-request-validators.body-and-params.validateRequestBody",
            equalTo(true))
        .body(
            "permissionPolicy.Statement.Action.flatten()",
            org.hamcrest.Matchers.containsInAnyOrder(
                "dynamodb:DeleteItem",
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:UpdateItem"));
    // models and validators do not make a converged API look changed
    given()
        .get("/api/v1/apis/wnotes/plan")
        .then()
        .statusCode(200)
        .body("changes", org.hamcrest.Matchers.hasSize(0));
  }
}
