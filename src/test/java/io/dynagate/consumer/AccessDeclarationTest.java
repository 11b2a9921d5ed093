package io.dynagate.consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refused at declaration, not at the next pass: with {@code dynagate.policy.public-routes=deny} a
 * route open to anyone, and a route that pushes the API's resource policy past AWS's 8,192
 * characters (the policy names every route's method ARN).
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(AccessDeclarationTest.DenyPublic.class)
class AccessDeclarationTest {

  public static class DenyPublic implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.policy.public-routes", "deny");
    }
  }

  @Test
  void aRouteOpenToAnyoneIsRefusedNamingTheRule() {
    given()
        .body("{\"stage\":\"dev\"}")
        .put("/api/v1/apis/open-api")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("errors.field", hasItems("access"))
        .body("errors.message", hasItems(containsString("dynagate.policy.public-routes=deny")));
    given()
        .body(
            "{\"stage\":\"dev\",\"access\":{\"authorization\":\"API_KEY\",\"routes\":"
                + "{\"open\":{\"authorization\":\"NONE\"}}}}")
        .put("/api/v1/apis/open-override")
        .then()
        .statusCode(400)
        .body("errors.message", hasItems(containsString("dynagate.policy.public-routes=deny")));
    given().get("/api/v1/apis/open-api").then().statusCode(404);
    given().get("/api/v1/apis/open-override").then().statusCode(404);
  }

  @Test
  void aRoutePushingThePolicyPastTheQuotaIsRefusedNamingIt() {
    given()
        .body(Seed.usersTableNamed("quota_users"))
        .put("/api/v1/tables/quota_users")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    StringBuilder principals = new StringBuilder();
    for (int i = 0; i < 99; i++) {
      principals.append(i == 0 ? "" : ",");
      principals.append(String.format("\"arn:aws:iam::123456789012:user/consumer-%015d\"", i));
    }
    given()
        .body(
            "{\"stage\":\"dev\",\"access\":{\"authorization\":\"AWS_IAM\",\"resourcePolicy\":"
                + "{\"principals\":["
                + principals
                + "],\"sourceIps\":[\"10.0.0.0/8\"]}}}")
        .put("/api/v1/apis/big-policy")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"quota_users\"}")
        .put("/api/v1/apis/big-policy/routes/short")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    String longPath = "/" + "a".repeat(900) + "/{userId}";
    given()
        .body("{\"method\":\"GET\",\"path\":\"" + longPath + "\",\"table\":\"quota_users\"}")
        .put("/api/v1/apis/big-policy/routes/long")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("path"))
        .body("errors.message", hasItems(containsString("8192")));
    given().get("/api/v1/apis/big-policy/routes/long").then().statusCode(404);
  }
}
