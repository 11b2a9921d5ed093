package io.dynagate.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A team holds at most dynagate.auth.max-tokens-per-team (20) live tokens, even under a race. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class TokenCapTest {

  static final int CAP = 20;

  @Test
  void theTwentyFirstTokenIsRefusedUntilOneIsRevoked() {
    Teams.create("capped");
    List<Teams.Issued> issued = new ArrayList<>();
    for (int i = 0; i < CAP; i++) {
      issued.add(Teams.issue("capped"));
    }
    Teams.asAdmin()
        .post("/api/v1/teams/capped/tokens")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409))
        .body("detail", containsString("max-tokens-per-team"));
    // The team's own token cannot mint past the cap either.
    Teams.as(issued.get(0)).post("/api/v1/teams/capped/tokens").then().statusCode(409);
    Teams.revoke("capped", issued.get(1));
    Teams.as(issued.get(0)).post("/api/v1/teams/capped/tokens").then().statusCode(201);
    Teams.asAdmin().post("/api/v1/teams/capped/tokens").then().statusCode(409);
    assertEquals(CAP, liveTokens("capped"));
  }

  @Test
  void sixtyConcurrentIssuesNeverPassTheCap() throws Exception {
    Teams.create("racing");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Integer>> tries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      tries.add(
          pool.submit(
              () ->
                  Teams.asAdmin()
                      .post("/api/v1/teams/racing/tokens")
                      .then()
                      .extract()
                      .statusCode()));
    }
    int created = 0;
    int refused = 0;
    for (Future<Integer> attempt : tries) {
      int status = attempt.get();
      created += status == 201 ? 1 : 0;
      refused += status == 409 ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(CAP, created);
    assertEquals(60 - CAP, refused);
    assertEquals(CAP, liveTokens("racing"));
  }

  @Test
  void anotherTeamsCapIsItsOwn() {
    Teams.create("first-team");
    Teams.create("second-team");
    for (int i = 0; i < CAP; i++) {
      Teams.issue("first-team");
    }
    Teams.asAdmin().post("/api/v1/teams/first-team/tokens").then().statusCode(409);
    Teams.issue("second-team");
  }

  private static int liveTokens(String team) {
    return Teams.asAdmin()
        .get("/api/v1/teams/" + team + "/tokens")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }
}
