package io.dynagate.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code read-other-teams=false}, another team's declarations answer exactly as missing ones,
 * except that a name another team holds cannot be taken (409).
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(HiddenReadsTest.OwnTeamOnly.class)
@OwnTokens
class HiddenReadsTest {

  public static class OwnTeamOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.auth.read-other-teams", "false");
    }
  }

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void teamAHasATableAndAnApi() {
    if (a != null) {
      return;
    }
    Teams.create("hid-a");
    Teams.create("hid-b");
    a = Teams.issue("hid-a");
    b = Teams.issue("hid-b");
    Teams.as(a).body(Seed.usersTableNamed("hid-users")).put("/api/v1/tables/hid-users");
    Teams.as(a).body("{}").put("/api/v1/apis/hid-api").then().statusCode(201);
    Teams.as(b).body("{}").put("/api/v1/apis/hid-b-api").then().statusCode(201);
  }

  @Test
  void aHiddenDeclarationAnswersAsAMissingOne() {
    var hidden = Teams.as(b).get("/api/v1/apis/hid-api").then().statusCode(404).extract();
    var missing = Teams.as(b).get("/api/v1/apis/hid-none").then().statusCode(404).extract();
    assertEquals(
        missing.jsonPath().getString("detail").replace("hid-none", "hid-api"),
        hidden.jsonPath().getString("detail"));
    assertEquals(missing.contentType(), hidden.contentType());
    Teams.as(b).get("/api/v1/apis/hid-api/routes").then().statusCode(404);
    Teams.as(b).delete("/api/v1/apis/hid-api").then().statusCode(404);
    Teams.as(b).body("{}").put("/api/v1/apis/hid-api/routes/x").then().statusCode(404);
    Teams.as(a).get("/api/v1/apis/hid-api").then().statusCode(200);
  }

  @Test
  void tryingAHiddenRouteInTheUiAnswersAsAMissingOneWhileItsOwnerGetsThrough() {
    Teams.as(a)
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"hid-users\"}")
        .put("/api/v1/apis/hid-api/routes/get-user")
        .then()
        .statusCode(201);
    String tryIt = "{\"api\":\"API\",\"route\":\"get-user\",\"path\":{\"userId\":\"u1\"}}";
    var hidden =
        Teams.as(b)
            .contentType("application/json")
            .body(tryIt.replace("API", "hid-api"))
            .post("/ui/try")
            .then()
            .statusCode(404)
            .extract();
    var missing =
        Teams.as(b)
            .contentType("application/json")
            .body(tryIt.replace("API", "hid-none"))
            .post("/ui/try")
            .then()
            .statusCode(404)
            .extract();
    assertEquals(
        missing.jsonPath().getString("detail").replace("hid-none", "hid-api"),
        hidden.jsonPath().getString("detail"));
    // the owner reads both declarations: what follows (not live yet, or the live answer) is no 404
    Teams.as(a)
        .contentType("application/json")
        .body(tryIt.replace("API", "hid-api"))
        .post("/ui/try")
        .then()
        .statusCode(not(equalTo(404)));
  }

  @Test
  void listsShowOnlyTheCallersOwnDeclarations() {
    Teams.as(b)
        .get("/api/v1/apis")
        .then()
        .statusCode(200)
        .body("items.name", hasItem("hid-b-api"))
        .body("items.name", not(hasItem("hid-api")));
    Teams.asAdmin().get("/api/v1/apis").then().body("items.name", hasItem("hid-api"));
    Teams.as(b).get("/api/v1/teams").then().body("items.name", equalTo(java.util.List.of("hid-b")));
  }

  @Test
  void aNameAnotherTeamHoldsIs409() {
    Teams.as(b)
        .body(Seed.usersTableNamed("hid-users"))
        .put("/api/v1/tables/hid-users")
        .then()
        .statusCode(409);
  }

  @Test
  void aRouteOverAHiddenTableAnswersAsOverAMissingOne() {
    String route = "{\"method\":\"GET\",\"path\":\"/u/{userId}\",\"table\":\"%s\"}";
    Teams.as(b)
        .body(route.formatted("hid-users"))
        .put("/api/v1/apis/hid-b-api/routes/r")
        .then()
        .statusCode(400)
        .body("errors[0].message", equalTo("table hid-users is not declared"));
  }

  @Test
  void aSharedTableIsVisibleToTheTeamsItIsSharedWith() {
    String shared =
        Seed.usersTableNamed("hid-shared").replaceFirst("\\{", "{\"SharedWith\":[\"hid-b\"],");
    Teams.as(a).body(shared).put("/api/v1/tables/hid-shared").then().statusCode(201);
    Teams.as(b).get("/api/v1/tables/hid-shared").then().statusCode(200);
    Teams.as(b)
        .body("{\"method\":\"GET\",\"path\":\"/s/{userId}\",\"table\":\"hid-shared\"}")
        .put("/api/v1/apis/hid-b-api/routes/shared")
        .then()
        .statusCode(201);
  }
}
