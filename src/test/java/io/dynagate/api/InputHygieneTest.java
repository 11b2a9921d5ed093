package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies are JSON and only JSON; every refusal is a problem document naming no Java type. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class InputHygieneTest {

  private static final String JAVA_NAMES = "java.|com.fasterxml|io.dynagate|LinkedHashMap";

  @TestHTTPResource("/")
  URI base;

  @BeforeEach
  void declareWhatRoutesReferTo() {
    given()
        .body(Seed.usersTableNamed("hygiene-users"))
        .put("/api/v1/tables/hygiene-users")
        .then()
        .statusCode(oneOf(200, 201));
    given().body("{}").put("/api/v1/apis/hygiene").then().statusCode(oneOf(200, 201));
  }

  @Test
  void aBodyThatIsNotJsonIs415() throws Exception {
    for (String type : new String[] {"text/plain", null, "application/xml"}) {
      HttpResponse<String> answer = put("/api/v1/apis/plain", type, "{\"stage\":\"dev\"}");
      assertEquals(415, answer.statusCode(), type + ": " + answer.body());
      assertEquals(
          "application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
      assertTrue(answer.body().contains("\"status\":415"), answer.body());
    }
    given().get("/api/v1/apis/plain").then().statusCode(404);
    // JSON and curl -d's form encoding are read as JSON.
    assertEquals(201, put("/api/v1/apis/typed", "application/json", "{}").statusCode());
    assertEquals(
        201, put("/api/v1/apis/curled", "application/x-www-form-urlencoded", "{}").statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"stage\":\"dev\",\"stage\":\"prod\"}",
        "{\"stage\":\"dev\"} trailing",
        "{\"stage\":\"dev\"}{\"stage\":\"prod\"}",
        "{\"stage\":\"dev\"} []"
      })
  void duplicateNamesAndTrailingTextAre400(String body) {
    given()
        .body(body)
        .put("/api/v1/apis/strict")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().get("/api/v1/apis/strict").then().statusCode(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"\""})
  void aNullOrEmptyTableNameIs400(String name) {
    String body = Seed.usersTableNamed("named").replace("\"named\"", name);
    given()
        .body(body)
        .put("/api/v1/tables/named")
        .then()
        .statusCode(oneOf(200, 201, 400))
        .body(not(containsString("Internal")));
    given()
        .body(body)
        .post("/api/v1/tables")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("TableName"));
  }

  @Test
  void nullElementsAreNamedWithoutJavaTypes() {
    String key =
        given()
            .body(
                "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"hygiene-users\","
                    + "\"key\":{\"userId\":null}}")
            .put("/api/v1/apis/hygiene/routes/null-key")
            .then()
            .statusCode(400)
            .body("errors.field", hasItems("key.userId"))
            .extract()
            .asString();
    String projection =
        given()
            .body(
                "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"hygiene-users\","
                    + "\"projection\":[null]}")
            .put("/api/v1/apis/hygiene/routes/null-projection")
            .then()
            .statusCode(400)
            .body("errors.field", hasItems("projection[0]"))
            .extract()
            .asString();
    for (String answer : new String[] {key, projection}) {
      assertFalse(answer.matches("(?s).*(" + JAVA_NAMES + ").*"), answer);
    }
  }

  @Test
  void everyTableSpecDynamoDbRefusesIsNamedAtOnce() {
    StringBuilder gsis = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      gsis.append(i == 0 ? "" : ",")
          .append("{\"IndexName\":\"by-")
          .append(i)
          .append("x\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],")
          .append("\"Projection\":{\"ProjectionType\":")
          .append(
              switch (i) {
                case 0 -> "\"KEYS_ONLY\",\"NonKeyAttributes\":[\"a\"]";
                case 1 -> "\"INCLUDE\"";
                default -> "\"ALL\"";
              })
          .append("}")
          .append(
              i == 2
                  ? ""
                  : ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}")
          .append("}");
    }
    String spec =
        "{\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
            + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
            + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1},"
            + "\"AttributeSchema\":{\"id\":\"N\"},\"SharedWith\":[\"nobody-team\"],"
            + "\"GlobalSecondaryIndexes\":["
            + gsis
            + "]}";
    given()
        .body(spec)
        .put("/api/v1/tables/refused")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems(
                "GlobalSecondaryIndexes",
                "GlobalSecondaryIndexes[0].Projection.NonKeyAttributes",
                "GlobalSecondaryIndexes[1].Projection.NonKeyAttributes",
                "GlobalSecondaryIndexes[2].ProvisionedThroughput",
                "AttributeSchema.id",
                "SharedWith[0]"));
    given()
        .body(
            "{\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"GlobalSecondaryIndexes\":[]}")
        .put("/api/v1/tables/refused")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("GlobalSecondaryIndexes"));
    given().get("/api/v1/tables/refused").then().statusCode(404);
  }

  @Test
  void anOversizedBodyIs413WithAProblemDocument() throws Exception {
    String big = "{\"description\":\"" + "x".repeat(70_000) + "\"}";
    HttpResponse<String> answer = put("/api/v1/apis/huge", "application/json", big);
    assertEquals(413, answer.statusCode());
    assertEquals(
        "application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
    assertTrue(answer.body().contains("\"status\":413"), answer.body());
  }

  @Test
  void tryItRefusesBrokenHeadersAndShapesWith400() {
    given()
        .body(
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"hygiene-users\","
                + "\"key\":{\"userId\":\"header.X-User\"}}")
        .put("/api/v1/apis/hygiene/routes/by-header")
        .then()
        .statusCode(oneOf(200, 201));
    for (String header :
        new String[] {
          "{\"Host\":\"evil.example\"}",
          "{\"content-length\":\"5\"}",
          "{\"Connection\":\"close\"}",
          "{\"X-User\":\"u1\\r\\nX-Injected: yes\"}",
          "{\"X-User\":\"u1\\nX\"}",
          "{\"Bad Name\":\"u1\"}"
        }) {
      given()
          .body(
              "{\"api\":\"hygiene\",\"route\":\"by-header\",\"path\":{\"userId\":\"u1\"},"
                  + "\"header\":"
                  + header
                  + "}")
          .post("/ui/try")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", containsString("header."));
    }
    for (String shape :
        new String[] {
          "{\"api\":\"hygiene\",\"route\":\"by-header\",\"path\":\"x\"}",
          "{\"api\":\"hygiene\",\"route\":\"by-header\",\"header\":{\"X-User\":null}}",
          "{\"api\":7,\"route\":\"by-header\"}",
          "[1]",
          "{\"api\":\"hygiene\""
        }) {
      String answer =
          given()
              .body(shape)
              .post("/ui/try")
              .then()
              .statusCode(400)
              .contentType("application/problem+json")
              .extract()
              .asString();
      assertFalse(answer.matches("(?s).*(" + JAVA_NAMES + ").*"), answer);
    }
  }

  private HttpResponse<String> put(String path, String type, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + TestAuth.adminToken())
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
