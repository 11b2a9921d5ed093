package io.dynagate.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A burst of changes over a token's limit gets 429 with Retry-After; reads are not counted. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(RateLimitTest.SmallLimit.class)
@OwnTokens
class RateLimitTest {

  public static class SmallLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "dynagate.auth.rate-limit.per-second", "0.1",
          "dynagate.auth.rate-limit.burst", "4");
    }
  }

  // The admin's four calls below (two teams, two tokens) are within the burst too.
  @Test
  void aBurstOverTheLimitIs429WithRetryAfterAndOtherTokensGoOn() {
    Teams.create("rl-a");
    Teams.create("rl-b");
    Teams.Issued a = Teams.issue("rl-a");
    Teams.Issued b = Teams.issue("rl-b");
    for (int i = 0; i < 4; i++) {
      Teams.as(a).body("{}").put("/api/v1/apis/rl-a-" + i).then().statusCode(201);
    }
    Teams.as(a)
        .body("{}")
        .put("/api/v1/apis/rl-a-over")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("title", equalTo("Too many requests"))
        .body("status", equalTo(429))
        .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1))
        .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(10));
    Teams.as(a).get("/api/v1/apis/rl-a-over").then().statusCode(404);
    Teams.as(a).get("/api/v1/apis/rl-a-0").then().statusCode(200).body("name", equalTo("rl-a-0"));
    Teams.as(b).body("{}").put("/api/v1/apis/rl-b-0").then().statusCode(201);
  }
}
