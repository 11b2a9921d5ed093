package io.dynagate.isolation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pass that deletes an API releases its route guards with it: nothing of the old API keeps a
 * new one of the same name from declaring routes, and no guard item is left behind.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class DeletedApiGuardsTest {

  @Inject DynamoDbClient dynamo;

  @Test
  void deletingAnApiReleasesItsGuardsInThePassThatDeletesIt() {
    given().body(Seed.usersTableNamed("dg-items")).put("/api/v1/tables/dg-items");
    given().body("{}").put("/api/v1/apis/dg-api").then().statusCode(201);
    given()
        .body(RacesTest.route("/items/{userId}", "dg-items"))
        .put("/api/v1/apis/dg-api/routes/by-id")
        .then()
        .statusCode(201);
    given()
        .body(RacesTest.route("/items/{userId}/again", "dg-items"))
        .put("/api/v1/apis/dg-api/routes/nested")
        .then()
        .statusCode(201);
    assertEquals(3, guards("dg-api").size(), "two methods, one variable part: " + guards("dg-api"));

    given().delete("/api/v1/apis/dg-api").then().statusCode(202);
    IsolationTest.await(
        () -> given().get("/api/v1/apis/dg-api").statusCode() == 404, "dg-api deleted");
    assertEquals(List.of(), guards("dg-api"));

    // At once (well within the grace a left-over guard would have), the name is free again, and
    // the variable part at /items may take another name.
    given().body("{}").put("/api/v1/apis/dg-api").then().statusCode(201);
    given()
        .body(
            "{\"method\":\"GET\",\"path\":\"/items/{itemId}\",\"table\":\"dg-items\","
                + "\"key\":{\"userId\":\"path.itemId\"}}")
        .put("/api/v1/apis/dg-api/routes/again")
        .then()
        .statusCode(201);
  }

  private List<String> guards(String api) {
    return dynamo
        .query(
            b ->
                b.tableName("dynagate-registry")
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("guard#" + api)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> item.get("sk").s())
        .toList();
  }
}
