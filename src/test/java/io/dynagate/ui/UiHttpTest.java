package io.dynagate.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The UI's pages and its "try it" proxy, over HTTP (as admin, see AdminByDefault). */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class UiHttpTest {

  @Test
  void pagesAndTheirScriptsCarryASecurityPolicyThatAllowsNoInlineScript() {
    for (String path :
        new String[] {"/ui", "/ui/signin", "/ui/apis/a/routes/new", "/ui/assets/js/http.js"}) {
      given()
          .get(path)
          .then()
          .statusCode(200)
          .header("Content-Security-Policy", containsString("script-src 'self';"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY");
    }
    given()
        .get("/ui")
        .then()
        .contentType(ContentType.HTML)
        .body(not(containsString("<script>")))
        .body(
            containsString("<script type=\"module\" src=\"/ui/assets/js/overview.js\"></script>"));
  }

  @Test
  void namesInPagesAreEscaped() {
    given()
        .get("/ui/apis/{api}", "<img src=x onerror=alert(1)>")
        .then()
        .statusCode(200)
        .body(not(containsString("<img src=x")))
        .body(containsString("&lt;img src=x onerror=alert(1)&gt;"));
  }

  @Test
  void tryingARouteWithoutItsPathParameterNamesTheMissingField() {
    given()
        .body(Seed.usersTableNamed("try-users"))
        .put("/api/v1/tables/try-users")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/try-api").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"try-users\"}")
        .put("/api/v1/apis/try-api/routes/get-user")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body("{\"api\":\"try-api\",\"route\":\"get-user\",\"path\":{\"userId\":\"\"}}")
        .post("/ui/try")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("path.userId"))
        .body("errors[0].message", equalTo("is required"));
  }

  @Test
  void tryingARouteNeedsAValidToken() {
    given()
        .header("Authorization", "Bearer not-a-token")
        .contentType(ContentType.JSON)
        .body("{\"api\":\"any\",\"route\":\"any\"}")
        .post("/ui/try")
        .then()
        .statusCode(401);
  }

  @Test
  void tryingARouteThatIsNotDeclaredAnswersAsTheManagementApiDoes() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"api\":\"nowhere\",\"route\":\"nothing\"}")
        .post("/ui/try")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
