package io.dynagate.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.store.RegistryTable;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.LogCapture;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issuing, using and revoking team tokens: shown once, stored as HMAC, never logged. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class TokensTest {

  @Inject DynamoDbClient dynamo;
  @Inject RegistryTable registry;

  @Test
  void aTokenIsShownOnceAndTheRegistryHoldsOnlyItsHmac() {
    Teams.create("tk-hash");
    Teams.Issued issued = Teams.issue("tk-hash");
    assertTrue(issued.token().startsWith("dg_" + issued.id() + "_"));
    Teams.asAdmin()
        .get("/api/v1/teams/tk-hash/tokens")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItem(issued.id()))
        .body(org.hamcrest.Matchers.not(containsString(secretOf(issued))));

    List<Map<String, AttributeValue>> items =
        dynamo.scan(b -> b.tableName(registry.name())).items();
    String everything = items.toString();
    assertFalse(everything.contains(secretOf(issued)), "the registry holds a token in clear");
    Map<String, AttributeValue> stored =
        items.stream()
            .filter(i -> i.get("pk").s().equals("token") && i.get("sk").s().equals(issued.id()))
            .findFirst()
            .orElseThrow();
    assertEquals("tk-hash", stored.get("team").s());
    assertEquals(32, java.util.Base64.getDecoder().decode(stored.get("hmac").s()).length);
    assertEquals(16, java.util.Base64.getDecoder().decode(stored.get("salt").s()).length);
  }

  @Test
  void aRevokedTokenFailsAtTheNextRequest() {
    Teams.create("tk-revoke");
    Teams.Issued issued = Teams.issue("tk-revoke");
    Teams.as(issued).get("/api/v1/tables").then().statusCode(200);
    Teams.as(issued).delete("/api/v1/teams/tk-revoke/tokens/" + issued.id()).then().statusCode(204);
    Teams.as(issued)
        .get("/api/v1/tables")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .contentType("application/problem+json");
  }

  @Test
  void aTokenWithTheRightIdAndAWrongSecretIsRefused() {
    Teams.create("tk-forged");
    Teams.Issued issued = Teams.issue("tk-forged");
    String forged = "dg_" + issued.id() + "_" + "A".repeat(43);
    given()
        .header("Authorization", "Bearer " + forged)
        .get("/api/v1/tables")
        .then()
        .statusCode(401);
    given().header("Authorization", issued.token()).get("/api/v1/tables").then().statusCode(401);
  }

  @Test
  void noTokenEverAppearsInTheLog() {
    String admin = io.dynagate.support.TestAuth.adminToken();
    try (LogCapture log = LogCapture.start()) {
      Teams.create("tk-log");
      Teams.Issued issued = Teams.issue("tk-log");
      Teams.as(issued).get("/api/v1/tables").then().statusCode(200);
      String wrong = "dg_" + issued.id() + "_wrong-secret";
      given().header("Authorization", "Bearer " + wrong).get("/api/v1/apis").then().statusCode(401);
      Teams.revoke("tk-log", issued);
      Teams.as(issued).get("/api/v1/tables").then().statusCode(401);

      String text = log.text();
      assertTrue(text.contains(issued.id()), "the token's issue and revoke are logged by id");
      assertFalse(text.contains(secretOf(issued)), "a token's secret was logged");
      assertFalse(text.contains("wrong-secret"), "a presented bearer value was logged");
      assertFalse(text.contains(admin), "the admin token was logged");
    }
  }

  @Test
  void teamNamesAreSlugsAndUnique() {
    Teams.asAdmin()
        .body("{\"name\":\"Not A Slug\"}")
        .post("/api/v1/teams")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"));
    Teams.asAdmin().body("{\"name\":\"admin\"}").post("/api/v1/teams").then().statusCode(400);
    Teams.asAdmin()
        .body("{\"name\":\"tk-x\",\"extra\":1}")
        .post("/api/v1/teams")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("extra"));
    Teams.create("tk-dup");
    Teams.asAdmin().body("{\"name\":\"tk-dup\"}").post("/api/v1/teams").then().statusCode(409);
  }

  @Test
  void tokensOfAMissingTeamAre404ForAdmins() {
    Teams.asAdmin().post("/api/v1/teams/tk-nobody/tokens").then().statusCode(404);
  }

  private static String secretOf(Teams.Issued issued) {
    return issued.token().substring(("dg_" + issued.id() + "_").length());
  }
}
