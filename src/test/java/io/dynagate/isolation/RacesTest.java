package io.dynagate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two writers at the same moment, as two teams (or two scripts of one team) would race: names,
 * method and path, and a table deleted while a route on it is declared. Each race is tried 50
 * times, 10 tries at a time.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class RacesTest {

  private static final int TRIES = 50;
  private static final int PARALLEL = 10;
  private static final Set<Integer> LOSER = Set.of(403, 409);

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void twoTeams() {
    if (a == null) {
      Teams.create("race-a");
      Teams.create("race-b");
      a = Teams.issue("race-a");
      b = Teams.issue("race-b");
    }
  }

  @Test
  void ofTwoTeamsCreatingOneTableNameExactlyOneWinsAndKeepsItsOwnSpec() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(
            TRIES,
            PARALLEL,
            i ->
                List.of(
                    putTable(a, "race-table-" + i, "team-a-marker"),
                    putTable(b, "race-table-" + i, "team-b-marker")));
    for (int i = 0; i < TRIES; i++) {
      Race.Outcome outcome = outcomes.get(i);
      assertOneWinner(outcome, "table try " + i);
      String winner = outcome.first() == 201 ? "race-a" : "race-b";
      var record = Teams.asAdmin().get("/api/v1/tables/race-table-" + i).then().extract();
      assertEquals(winner, record.path("owner"), "owner of try " + i);
      assertEquals(1, (int) record.path("version"), "one write only, try " + i);
      assertTrue(
          record.path("spec.AttributeSchema").toString().contains(winner.replace("race-", "team-")),
          "the winner's spec, try " + i + ": " + record.path("spec.AttributeSchema"));
    }
  }

  @Test
  void ofTwoTeamsCreatingOneApiNameExactlyOneWinsAndKeepsItsOwnSpec() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(
            TRIES,
            PARALLEL,
            i ->
                List.of(
                    put(a, "/api/v1/apis/race-api-" + i, "{\"description\":\"by race-a\"}"),
                    put(b, "/api/v1/apis/race-api-" + i, "{\"description\":\"by race-b\"}")));
    for (int i = 0; i < TRIES; i++) {
      Race.Outcome outcome = outcomes.get(i);
      assertOneWinner(outcome, "api try " + i);
      String winner = outcome.first() == 201 ? "race-a" : "race-b";
      var record = Teams.asAdmin().get("/api/v1/apis/race-api-" + i).then().extract();
      assertEquals(winner, record.path("owner"));
      assertEquals("by " + winner, record.path("spec.description"));
      assertEquals(1, (int) record.path("version"));
    }
  }

  @Test
  void ofTwoRoutesOnOneMethodAndPathExactlyOneIsDeclared() throws Exception {
    Teams.as(a).body(Seed.usersTableNamed("race-users")).put("/api/v1/tables/race-users");
    Teams.as(a).body("{}").put("/api/v1/apis/race-paths").then().statusCode(201);
    List<Race.Outcome> outcomes =
        Race.run(
            TRIES,
            PARALLEL,
            i -> {
              // Odd tries: the same path under two parameter names, one resource for API Gateway.
              String x = route("/p" + i + "/{userId}", "race-users");
              String y =
                  i % 2 == 0
                      ? x
                      : "{\"method\":\"GET\",\"path\":\"/p"
                          + i
                          + "/{id}\",\"table\":\"race-users\",\"key\":{\"userId\":\"path.id\"}}";
              return List.of(
                  put(a, "/api/v1/apis/race-paths/routes/x-" + i, x),
                  put(a, "/api/v1/apis/race-paths/routes/y-" + i, y));
            });
    for (int i = 0; i < TRIES; i++) {
      Race.Outcome outcome = outcomes.get(i);
      assertEquals(Set.of(201, 409), Set.of(outcome.first(), outcome.second()), "route try " + i);
    }
    var routes =
        Teams.as(a)
            .queryParam("limit", 500)
            .get("/api/v1/apis/race-paths/routes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.spec.path", String.class)
            .stream()
            .map(path -> path.replaceAll("\\{[^}]*}", "{}"))
            .toList();
    assertEquals(TRIES, routes.size(), "one route per try: " + routes);
    assertEquals(TRIES, Set.copyOf(routes).size(), "no method and path twice: " + routes);
    Teams.as(a).get("/api/v1/apis/race-paths/definition").then().statusCode(200);
    Teams.as(a).get("/api/v1/apis/race-paths/plan").then().statusCode(200);
  }

  @Test
  void aTableDeletedWhileARouteOnItIsDeclaredNeverLeavesTheRouteOnADeletedTable() throws Exception {
    Teams.as(a).body("{}").put("/api/v1/apis/race-refs").then().statusCode(201);
    for (int i = 0; i < TRIES; i++) {
      Teams.as(a)
          .body(Seed.usersTableNamed("race-ref-" + i))
          .put("/api/v1/tables/race-ref-" + i)
          .then()
          .statusCode(201);
    }
    List<Race.Outcome> outcomes =
        Race.run(
            TRIES,
            PARALLEL,
            i ->
                List.of(
                    put(
                        a,
                        "/api/v1/apis/race-refs/routes/r-" + i,
                        route("/r" + i + "/{userId}", "race-ref-" + i)),
                    () -> Teams.as(a).delete("/api/v1/tables/race-ref-" + i).statusCode()));
    int routesWon = 0;
    for (int i = 0; i < TRIES; i++) {
      int route = Teams.as(a).get("/api/v1/apis/race-refs/routes/r-" + i).statusCode();
      int table = Teams.as(a).get("/api/v1/tables/race-ref-" + i).statusCode();
      Race.Outcome outcome = outcomes.get(i);
      if (route == 200) {
        routesWon++;
        assertEquals(200, table, "try " + i + " left a route on a deleted table: " + outcome);
        assertEquals(409, outcome.second(), "the delete of try " + i + " must have been refused");
      } else {
        assertEquals(404, route);
        // Refused: the table was being deleted (409) or already gone (400 or 404).
        assertTrue(Set.of(400, 404, 409).contains(outcome.first()), "try " + i + ": " + outcome);
      }
    }
    System.out.printf(
        "table deleted while a route on it is declared, %d tries: the route won %d, the delete %d,"
            + " 0 routes on a deleted table%n",
        TRIES, routesWon, outcomes.stream().filter(o -> o.second() == 204).count());
  }

  private static void assertOneWinner(Race.Outcome outcome, String what) {
    boolean firstWon = outcome.first() == 201 && LOSER.contains(outcome.second());
    boolean secondWon = outcome.second() == 201 && LOSER.contains(outcome.first());
    assertTrue(firstWon || secondWon, what + ": " + outcome);
  }

  private static Supplier<Integer> putTable(Teams.Issued token, String name, String marker) {
    String spec =
        Seed.usersTableNamed(name)
            .replaceFirst("\\{", "{\"AttributeSchema\":{\"" + marker + "\":\"S\"},");
    return put(token, "/api/v1/tables/" + name, spec);
  }

  private static Supplier<Integer> put(Teams.Issued token, String path, String body) {
    return () -> Teams.as(token).body(body).put(path).statusCode();
  }

  static String route(String path, String table) {
    return "{\"method\":\"GET\",\"path\":\"" + path + "\",\"table\":\"" + table + "\"}";
  }
}
