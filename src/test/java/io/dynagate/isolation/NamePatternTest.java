package io.dynagate.isolation;

import static org.hamcrest.Matchers.containsString;

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

/** With {@code dynagate.tables.name-pattern}, a team declares only tables under its own names. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(NamePatternTest.TeamPrefix.class)
@OwnTokens
class NamePatternTest {

  public static class TeamPrefix implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.tables.name-pattern", "{team}-*");
    }
  }

  private static Teams.Issued a;

  @BeforeEach
  void aTeam() {
    if (a == null) {
      Teams.create("pat-a");
      Teams.create("pat-b");
      a = Teams.issue("pat-a");
    }
  }

  @Test
  void aTeamDeclaresOnlyNamesUnderThePatternAndAdminsAreExempt() {
    Teams.as(a)
        .body(Seed.usersTableNamed("pat-a-users"))
        .put("/api/v1/tables/pat-a-users")
        .then()
        .statusCode(201);
    for (String name : new String[] {"pat-b-users", "users", "xpat-a-users", "pat-a"}) {
      Teams.as(a)
          .body(Seed.usersTableNamed(name))
          .put("/api/v1/tables/" + name)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", org.hamcrest.Matchers.equalTo("TableName"))
          .body("errors[0].message", containsString("{team}-*"));
    }
    Teams.asAdmin()
        .body(Seed.usersTableNamed("platform-users"))
        .put("/api/v1/tables/platform-users")
        .then()
        .statusCode(201);
  }
}
