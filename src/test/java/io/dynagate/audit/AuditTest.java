package io.dynagate.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who changed what and when: admins read every event, a team the events of its own resources. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class AuditTest {

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void twoTeamsChangeThings() {
    if (a != null) {
      return;
    }
    Teams.create("au-a");
    Teams.create("au-b");
    a = Teams.issue("au-a");
    b = Teams.issue("au-b");
    Teams.as(a).body(Seed.usersTableNamed("au-users")).put("/api/v1/tables/au-users");
    Teams.as(a)
        .body(
            Seed.usersTableNamed("au-users")
                .replace("\"ReadCapacityUnits\": 5", "\"ReadCapacityUnits\": 7"))
        .put("/api/v1/tables/au-users");
    Teams.as(a).delete("/api/v1/tables/au-users").then().statusCode(204);
    Teams.as(b).body("{}").put("/api/v1/apis/au-b-api").then().statusCode(201);
  }

  @Test
  void aTeamReadsItsOwnEventsWithVersionsAndSpecsBeforeAndAfter() {
    JsonPath events = Teams.as(a).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> table = events.getList("items.findAll { it.kind == 'table' }");
    assertEquals(
        List.of("delete", "update", "create"), table.stream().map(e -> e.get("action")).toList());
    assertEquals(1, table.get(2).get("versionAfter"));
    assertEquals(1, table.get(1).get("versionBefore"));
    assertEquals(2, table.get(1).get("versionAfter"));
    assertEquals(2, table.get(0).get("versionBefore"));
    String update = "items.find { it.action == 'update' }";
    assertEquals(5, events.getInt(update + ".specBefore.ProvisionedThroughput.ReadCapacityUnits"));
    assertEquals(7, events.getInt(update + ".specAfter.ProvisionedThroughput.ReadCapacityUnits"));
    assertEquals("au-a", table.get(0).get("actor"));
    Teams.as(a)
        .get("/api/v1/audit")
        .then()
        .body("items.team", everyItem(equalTo("au-a")))
        .body("items.name", not(hasItem("au-b-api")));
  }

  @Test
  void adminsReadEveryTeamsEventsAndMayFilter() {
    Teams.asAdmin()
        .get("/api/v1/audit?limit=500")
        .then()
        .statusCode(200)
        .body("items.name", hasItem("au-b-api"))
        .body("items.name", hasItem("au-users"));
    Teams.asAdmin()
        .get("/api/v1/audit?team=au-b")
        .then()
        .body("items.team", everyItem(equalTo("au-b")))
        .body("items.name", hasItem("au-b-api"));
  }

  @Test
  void aTeamCannotAskForAnotherTeamsEvents() {
    Teams.as(b).get("/api/v1/audit?team=au-a").then().statusCode(403);
  }

  @Test
  void eventsComeAPageAtATime() {
    JsonPath first =
        Teams.as(a).get("/api/v1/audit?limit=1").then().statusCode(200).extract().jsonPath();
    assertEquals(1, first.getList("items").size());
    JsonPath second =
        Teams.as(a)
            .get("/api/v1/audit?limit=1&cursor=" + first.getString("nextCursor"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertNotEquals(first.getString("items[0].id"), second.getString("items[0].id"));
    Teams.as(a).get("/api/v1/audit?cursor=not-ours").then().statusCode(400);
  }
}
