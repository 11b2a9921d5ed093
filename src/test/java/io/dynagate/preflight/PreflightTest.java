package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Preflight through the management API, as a team runs it: the generated templates pass every probe
 * on every kind of route, over every attribute type.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class PreflightTest {

  static final String ORDERS =
      """
      {"TableName": "pf-orders",
       "AttributeDefinitions": [
         {"AttributeName": "customer", "AttributeType": "S"},
         {"AttributeName": "placed", "AttributeType": "N"},
         {"AttributeName": "sku", "AttributeType": "S"}],
       "KeySchema": [
         {"AttributeName": "customer", "KeyType": "HASH"},
         {"AttributeName": "placed", "KeyType": "RANGE"}],
       "BillingMode": "PAY_PER_REQUEST",
       "GlobalSecondaryIndexes": [
         {"IndexName": "by-sku",
          "KeySchema": [{"AttributeName": "sku", "KeyType": "HASH"},
                        {"AttributeName": "placed", "KeyType": "RANGE"}],
          "Projection": {"ProjectionType": "ALL"}}],
       "AttributeSchema": {
         "note": "S", "total": "N", "paid": "BOOL", "gone": "NULL", "tags": "SS",
         "sizes": "NS", "blob": "B", "blobs": "BS", "anything": "M", "stuff": "L",
         "lines": {"L": {"M": {"sku": "S", "qty": "N"}}},
         "address": {"M": {"street": "S", "zip": "N", "geo": {"M": {"lat": "N"}}}}}}
      """;

  static void declare(String api, Map<String, String> routes) {
    given().body(Seed.table()).put("/api/v1/tables/pf-users").then().statusCode(oneOf());
    given().body(ORDERS).put("/api/v1/tables/pf-orders").then().statusCode(oneOf());
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/" + api).then().statusCode(oneOf());
    routes.forEach(
        (name, body) ->
            given()
                .body(body)
                .put("/api/v1/apis/" + api + "/routes/" + name)
                .then()
                .statusCode(oneOf()));
  }

  static org.hamcrest.Matcher<Integer> oneOf() {
    return org.hamcrest.Matchers.oneOf(200, 201);
  }

  static JsonPath preflight(String api) {
    return given()
        .post("/api/v1/apis/" + api + "/preflight")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The users table of the seed, with an attribute schema. */
  static final class Seed {
    static String table() {
      return """
          {"TableName": "pf-users",
           "AttributeDefinitions": [{"AttributeName": "userId", "AttributeType": "S"}],
           "KeySchema": [{"AttributeName": "userId", "KeyType": "HASH"}],
           "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
           "AttributeSchema": {"name": "S", "age": "N"}}
          """;
    }
  }

  @Test
  void everyGeneratedRoutePassesEveryProbe() {
    declare(
        "pf-generated",
        Map.of(
            "get-user",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"pf-users\"}",
            "get-user-by-query",
            "{\"method\":\"GET\",\"path\":\"/lookup\",\"table\":\"pf-users\","
                + "\"key\":{\"userId\":\"query.id\"}}",
            "get-order",
            "{\"method\":\"GET\",\"path\":\"/customers/{customer}/orders/{placed}\","
                + "\"table\":\"pf-orders\",\"projection\":[\"customer\",\"total\",\"lines\"]}",
            "list-orders",
            "{\"method\":\"GET\",\"path\":\"/customers/{customer}/orders\",\"table\":\"pf-orders\","
                + "\"action\":\"Query\",\"sortKey\":{\"condition\":\"GE\",\"value\":\"query.from\"}}",
            "orders-by-sku",
            "{\"method\":\"GET\",\"path\":\"/skus/{sku}/orders\",\"table\":\"pf-orders\","
                + "\"action\":\"Query\",\"index\":\"by-sku\"}"));
    JsonPath report = preflight("pf-generated");
    System.out.println(
        "REPORT "
            + report.get("millis")
            + " "
            + report.get("routes.probes.reason")
            + report.get("routes.probes.answer.status"));
    assertTrue(report.getBoolean("passed"), () -> report.get("routes").toString());
    assertEquals(5, report.getList("routes").size());
    List<String> probes = report.getList("routes.find { it.route == 'get-user' }.probes.probe");
    assertEquals(List.of("found item", "missing item", "hostile keys", "no permission"), probes);
    List<String> queryProbes =
        report.getList("routes.find { it.route == 'list-orders' }.probes.probe");
    assertEquals(
        List.of("missing item", "hostile keys", "query pages", "no permission"), queryProbes);
  }
}
