package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Routes that would take an API past API Gateway's quotas are refused when declared. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ApiQuotaTest {

  /** A path of {@code literals} literal segments named from {@code prefix}, then the key. */
  private static String path(String prefix, int literals) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literals; i++) {
      out.append('/').append(prefix).append(Integer.toString(i, 36));
    }
    return out.append("/{userId}").toString();
  }

  private static String route(String path, String table) {
    return "{\"method\":\"GET\",\"path\":\"" + path + "\",\"table\":\"" + table + "\"}";
  }

  @Test
  void theThreeHundredAndFirstResourceIsRefusedNamingTheQuota() {
    given().body(Seed.usersTableNamed("quota-users")).put("/api/v1/tables/quota-users");
    given().body("{}").put("/api/v1/apis/quota").then().statusCode(201);
    // the root, 200 literals and {userId}: 202 resources
    given()
        .body(route(path("a", 200), "quota-users"))
        .put("/api/v1/apis/quota/routes/long")
        .then()
        .statusCode(201);
    // 96 more: 298
    given()
        .body(route(path("b", 95), "quota-users"))
        .put("/api/v1/apis/quota/routes/other")
        .then()
        .statusCode(201);
    // a route under an existing resource adds two: 300, the quota itself
    given()
        .body(route(path("b", 95).replace("{userId}", "x/{userId}"), "quota-users"))
        .put("/api/v1/apis/quota/routes/at-quota")
        .then()
        .statusCode(201);
    given()
        .body(route("/c/{userId}", "quota-users"))
        .put("/api/v1/apis/quota/routes/over")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("path"))
        .body("errors[0].message", containsString("302 resources"))
        .body("errors[0].message", containsString("300 resources per API"));
    given().get("/api/v1/apis/quota/routes/over").then().statusCode(404);
    // replacing a route frees what only it used: the long one shrinks, then /c fits
    given()
        .body(route(path("a", 10), "quota-users"))
        .put("/api/v1/apis/quota/routes/long")
        .then()
        .statusCode(200);
    given()
        .body(route("/c/{userId}", "quota-users"))
        .put("/api/v1/apis/quota/routes/over")
        .then()
        .statusCode(201);
  }

  @Test
  void oneRouteWhosePathAloneIsOverTheQuotaIsRefused() {
    given().body(Seed.usersTableNamed("quota-one")).put("/api/v1/tables/quota-one");
    given().body("{}").put("/api/v1/apis/quota-one").then().statusCode(201);
    given()
        .body(route(path("", 300), "quota-one"))
        .put("/api/v1/apis/quota-one/routes/deep")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("300 resources per API"));
  }

  @Test
  void aWriteRouteWhoseRolePolicyWouldPassIamsQuotaIsRefused() {
    // 45 attributes of 250 characters: the PutItem statement names them all, over 10,240
    StringBuilder schema = new StringBuilder();
    for (int i = 0; i < 45; i++) {
      schema
          .append(i == 0 ? "" : ",")
          .append("\"")
          .append("a".repeat(248))
          .append(i < 10 ? "0" : "");
      schema.append(i).append("\":\"S\"");
    }
    String table =
        Seed.usersTableNamed("quota-wide")
            .replaceFirst("\\{", "{\"AttributeSchema\":{" + schema + "},");
    given().body(table).put("/api/v1/tables/quota-wide").then().statusCode(201);
    given().body("{}").put("/api/v1/apis/quota-wide").then().statusCode(201);
    given()
        .body(route("/users/{userId}", "quota-wide"))
        .put("/api/v1/apis/quota-wide/routes/read")
        .then()
        .statusCode(201);
    given()
        .body(
            "{\"method\":\"PUT\",\"path\":\"/users/{userId}\",\"table\":\"quota-wide\","
                + "\"action\":\"PutItem\"}")
        .put("/api/v1/apis/quota-wide/routes/write")
        .then()
        .statusCode(400)
        .body(
            "errors[0].message",
            containsString("IAM's quota is 10240 characters for a role's inline policies"));
    given().get("/api/v1/apis/quota-wide/routes/write").then().statusCode(404);
  }
}
