package io.dynagate.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Declarations belong to their creator's team; routes use their own team's or shared tables. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class OwnershipTest {

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void twoTeams() {
    if (a == null) {
      Teams.create("own-a");
      Teams.create("own-b");
      a = Teams.issue("own-a");
      b = Teams.issue("own-b");
    }
  }

  @Test
  void aDeclarationRecordsItsCreatorsTeamAndKeepsIt() {
    Teams.as(a).body(Seed.usersTableNamed("own-kept")).put("/api/v1/tables/own-kept");
    Teams.asAdmin()
        .body(Seed.usersTableNamed("own-kept"))
        .put("/api/v1/tables/own-kept")
        .then()
        .statusCode(200)
        .body("owner", equalTo("own-a"));
    Teams.as(b)
        .get("/api/v1/tables/own-kept")
        .then()
        .statusCode(200)
        .body("owner", equalTo("own-a"));
  }

  @Test
  void anotherTeamsDeclarationIs403AndUnchanged() {
    Teams.as(a).body(Seed.usersTableNamed("own-theirs")).put("/api/v1/tables/own-theirs");
    Teams.as(b)
        .body(Seed.usersTableNamed("own-theirs"))
        .put("/api/v1/tables/own-theirs")
        .then()
        .statusCode(403)
        .body("detail", containsString("another team"));
    Teams.as(b).delete("/api/v1/tables/own-theirs").then().statusCode(403);
    Teams.as(a).get("/api/v1/tables/own-theirs").then().statusCode(200).body("version", equalTo(1));
  }

  @Test
  void aRouteOverAnotherTeamsTableIs403UntilItsOwnerSharesIt() {
    Teams.as(a).body(Seed.usersTableNamed("own-users")).put("/api/v1/tables/own-users");
    Teams.as(b).body("{}").put("/api/v1/apis/own-b-api").then().statusCode(201);
    String route = "{\"method\":\"GET\",\"path\":\"/u/{userId}\",\"table\":\"own-users\"}";
    Teams.as(b)
        .body(route)
        .put("/api/v1/apis/own-b-api/routes/get")
        .then()
        .statusCode(403)
        .body("detail", containsString("not shared with own-b"));

    String shared =
        Seed.usersTableNamed("own-users").replaceFirst("\\{", "{\"SharedWith\":[\"own-b\"],");
    Teams.as(a).body(shared).put("/api/v1/tables/own-users").then().statusCode(200);
    Teams.as(b).body(route).put("/api/v1/apis/own-b-api/routes/get").then().statusCode(201);

    // Unsharing would break team B's route: refused like any change that breaks routes.
    Teams.as(a)
        .body(Seed.usersTableNamed("own-users"))
        .put("/api/v1/tables/own-users")
        .then()
        .statusCode(409)
        .body("detail", containsString("own-b-api/get"));
  }

  @Test
  void aTeamCannotAddRoutesToAnotherTeamsApi() {
    Teams.as(a).body(Seed.usersTableNamed("own-a-users")).put("/api/v1/tables/own-a-users");
    Teams.as(a).body("{}").put("/api/v1/apis/own-a-api").then().statusCode(201);
    Teams.as(b)
        .body("{\"method\":\"GET\",\"path\":\"/u/{userId}\",\"table\":\"own-a-users\"}")
        .put("/api/v1/apis/own-a-api/routes/sneaky")
        .then()
        .statusCode(403);
  }

  @Test
  void sharedWithNamesTeams() {
    String bad =
        Seed.usersTableNamed("own-bad").replaceFirst("\\{", "{\"SharedWith\":[\"Bad Team\"],");
    Teams.as(a)
        .body(bad)
        .put("/api/v1/tables/own-bad")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("SharedWith[0]"));
  }
}
