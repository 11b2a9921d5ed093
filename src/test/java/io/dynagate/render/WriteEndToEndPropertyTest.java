package io.dynagate.render;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random plain bodies sent to a live PutItem route through the emulator's data plane (model,
 * validator, template, DynamoDB): the item DynamoDB then holds is exactly the intended one.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class WriteEndToEndPropertyTest {

  private static final int BODIES = 600;
  private final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedEngine engine;

  @Test
  void everyStoredItemIsExactlyTheIntendedItem() throws Exception {
    ObjectNode table =
        (ObjectNode)
            Run.json(
                """
                {"TableName": "wprops",
                 "AttributeDefinitions": [{"AttributeName": "userId", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "userId", "KeyType": "HASH"}],
                 "BillingMode": "PAY_PER_REQUEST"}
                """);
    table.set("AttributeSchema", Run.JSON.valueToTree(Fixtures.USER_SCHEMA));
    given().body(table.toString()).put("/api/v1/tables/wprops").then().statusCode(201);
    given().body("{}").put("/api/v1/apis/wprops").then().statusCode(201);
    given()
        .body(
            "{\"method\":\"PUT\",\"path\":\"/items/{userId}\",\"table\":\"wprops\","
                + "\"action\":\"PutItem\",\"mode\":\"upsert\",\"allowUndeclared\":true}")
        .put("/api/v1/apis/wprops/routes/put-item")
        .then()
        .statusCode(201);
    String invokeUrl =
        given()
            .post("/api/v1/apis/wprops/reconcile?wait=true")
            .then()
            .statusCode(200)
            .body("status.phase", equalTo("Ready"))
            .extract()
            .path("status.invokeUrl");

    PlainBodies bodies = new PlainBodies(60);
    RandomItems strings = new RandomItems(61);
    Random random = new Random(62);
    for (int i = 0; i < BODIES; i++) {
      PlainBodies.Body body = bodies.body(Fixtures.USER_SCHEMA, true);
      String key = strings.string() + "#" + random.nextInt(1000);
      String sent = body.plain().toString();
      int status =
          given()
              .baseUri(invokeUrl)
              .urlEncodingEnabled(false)
              .contentType(ContentType.JSON)
              .body(sent)
              .put("/items/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"))
              .then()
              .extract()
              .statusCode();
      assertTrue(status == 200 || status == 201, () -> status + " for " + sent);
      ObjectNode expected = body.typed().deepCopy();
      expected.set("userId", Run.JSON.createObjectNode().put("S", key));
      JsonNode stored = getItem(key).get("Item");
      org.junit.jupiter.api.Assertions.assertNotNull(
          stored, () -> "nothing stored under " + Run.JSON.valueToTree(key) + " for " + sent);
      assertEquals(
          PlainBodies.normalised(expected),
          PlainBodies.normalised(stored),
          () -> "key " + key + "\nbody " + sent);
    }
  }

  /** DynamoDB's own typed JSON of the item, read through the emulator's endpoint. */
  private JsonNode getItem(String key) throws Exception {
    ObjectNode request = Run.JSON.createObjectNode().put("TableName", "wprops");
    request.putObject("Key").putObject("userId").put("S", key);
    request.put("ConsistentRead", true);
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(engine.emulatorEndpoint() + "/"))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
            .header("X-Amz-Date", "20260101T000000Z")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
            .build();
    HttpResponse<String> answer = http.send(get, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return Run.JSON.readTree(answer.body());
  }
}
