package io.dynagate.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Limits on what a request may carry, what an error may say, and the UI's security headers. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class HardeningTest {

  @Test
  void aDeeplyNestedBodyIsRefusedWithoutAStackTrace() {
    String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
    Teams.asAdmin()
        .body(deep)
        .put("/api/v1/apis/deep")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed JSON"))
        .body("detail", equalTo("the body nests deeper than 32 levels"))
        .body(not(containsString("at com.fasterxml")))
        .body(not(containsString("Exception")));
    Teams.asAdmin().get("/api/v1/apis/deep").then().statusCode(404);
  }

  @Test
  void anUnknownPathAnswersAProblemWithNoInternals() {
    Teams.asAdmin()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .body(not(containsString("io.dynagate")))
        .body(not(containsString("Exception")));
  }

  @Test
  void healthOpenApiAndTheUiShellNeedNoToken() {
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
    given().get("/api/v1/tables").then().statusCode(401);
  }

  @Test
  void uiPagesCarrySecurityHeaders() {
    given()
        .get("/ui/")
        .then()
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer");
  }

  @Test
  void apiAnswersAreNeverCached() {
    Teams.asAdmin().get("/api/v1/teams").then().statusCode(200).header("Cache-Control", "no-store");
  }

  @Test
  void aBearerOfAbsurdLengthIsRefusedUnread() {
    given()
        .header("Authorization", "Bearer dg_" + "a".repeat(5000))
        .get("/api/v1/tables")
        .then()
        .statusCode(401);
  }
}
