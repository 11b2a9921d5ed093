package io.dynagate.auth;

import static org.hamcrest.Matchers.notNullValue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rate limit is the team's: more tokens buy no more calls, and "try it" counts too. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(TeamRateLimitTest.SmallLimit.class)
@OwnTokens
class TeamRateLimitTest {

  public static class SmallLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "dynagate.auth.rate-limit.per-second", "0.01",
          "dynagate.auth.rate-limit.burst", "6");
    }
  }

  @Test
  void tokensOfOneTeamShareOneBucketAndTryItDrawsFromIt() {
    Teams.create("shared");
    Teams.create("apart");
    Teams.Issued first = Teams.issue("shared");
    Teams.Issued second = Teams.issue("shared");
    Teams.Issued other = Teams.issue("apart");
    for (int i = 0; i < 3; i++) {
      Teams.as(first).body("{}").put("/api/v1/apis/first-" + i).then().statusCode(201);
      Teams.as(second).body("{}").put("/api/v1/apis/second-" + i).then().statusCode(201);
    }
    Teams.as(second).body("{}").put("/api/v1/apis/second-over").then().statusCode(429);
    Teams.as(first).body("{}").put("/api/v1/apis/first-over").then().statusCode(429);
    // A new token of the same team starts with the team's empty bucket.
    Teams.Issued third = Teams.issue("shared");
    Teams.as(third).body("{}").put("/api/v1/apis/third").then().statusCode(429);
    Teams.as(third)
        .contentType("application/json")
        .body("{\"api\":\"first-0\",\"route\":\"none\"}")
        .post("/ui/try")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
    // Another team is not held back.
    Teams.as(other).body("{}").put("/api/v1/apis/apart-0").then().statusCode(201);
  }
}
