package io.dynagate.isolation;

import static org.hamcrest.Matchers.containsString;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A declaration that crashed between its guard (or table reference) and its route leaves the guard
 * behind; here such leftovers are written straight into the registry, as the crash would have left
 * them. An old one is reclaimed, never a duplicate; a young one may be a declaration under way and
 * is respected.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class CrashRepairTest {

  private static final String REGISTRY = "dynagate-registry";
  private static Teams.Issued a;

  @Inject DynamoDbClient dynamo;

  @BeforeEach
  void aTeamWithATableAndAnApi() {
    if (a == null) {
      Teams.create("crash-a");
      a = Teams.issue("crash-a");
      Teams.as(a).body(Seed.usersTableNamed("crash-users")).put("/api/v1/tables/crash-users");
      Teams.as(a).body("{}").put("/api/v1/apis/crash-api").then().statusCode(201);
    }
  }

  @Test
  void aMethodGuardLeftByACrashIsReclaimedOnceOld() {
    guard("method GET /old/{}", Map.of("holder", s("ghost"), "claimedAt", n(0)));
    Teams.as(a)
        .body(RacesTest.route("/old/{userId}", "crash-users"))
        .put("/api/v1/apis/crash-api/routes/real")
        .then()
        .statusCode(201);

    guard(
        "method GET /young/{}",
        Map.of("holder", s("ghost"), "claimedAt", n(System.currentTimeMillis())));
    Teams.as(a)
        .body(RacesTest.route("/young/{userId}", "crash-users"))
        .put("/api/v1/apis/crash-api/routes/young")
        .then()
        .statusCode(409)
        .body("detail", containsString("ghost is being declared"));
    Teams.as(a).get("/api/v1/apis/crash-api/routes/young").then().statusCode(404);
  }

  @Test
  void aVariablePartGuardLeftByACrashIsReclaimedOnceOld() {
    guard(
        "param /vars/{}",
        Map.of("value", s("otherName"), "holders", AttributeValue.fromM(Map.of("ghost", n(0)))));
    Teams.as(a)
        .body(RacesTest.route("/vars/{userId}", "crash-users"))
        .put("/api/v1/apis/crash-api/routes/vars")
        .then()
        .statusCode(201);
    Teams.as(a).get("/api/v1/apis/crash-api/definition").then().statusCode(200);
  }

  @Test
  void aTableReferenceLeftByACrashDoesNotKeepTheTableOnceOld() {
    Teams.as(a).body(Seed.usersTableNamed("crash-ref")).put("/api/v1/tables/crash-ref");
    reference("crash-ref", "crash-api/ghost", System.currentTimeMillis());
    Teams.as(a)
        .delete("/api/v1/tables/crash-ref")
        .then()
        .statusCode(409)
        .body("detail", containsString("crash-api/ghost"));
    reference("crash-ref", "crash-api/ghost", 0);
    Teams.as(a).delete("/api/v1/tables/crash-ref").then().statusCode(204);
  }

  private void guard(String key, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(attributes);
    item.put("pk", s("guard#crash-api"));
    item.put("sk", s(key));
    dynamo.putItem(b -> b.tableName(REGISTRY).item(item));
  }

  private void reference(String table, String route, long at) {
    dynamo.updateItem(
        b ->
            b.tableName(REGISTRY)
                .key(Map.of("pk", s("table"), "sk", s(table)))
                .updateExpression("SET refs.#r = :at")
                .expressionAttributeNames(Map.of("#r", route))
                .expressionAttributeValues(Map.of(":at", n(at))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
