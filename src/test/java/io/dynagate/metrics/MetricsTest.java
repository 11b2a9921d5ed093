package io.dynagate.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator scrapes at /q/metrics after using the service. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class MetricsTest {

  private static String scrape() {
    return given()
        .header("Authorization", "")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /** The value of the first sample whose line starts with {@code series}, or 0 when absent. */
  private static double sample(String metrics, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void managementRequestsAreCountedByTemplateNotByName() {
    given().get("/api/v1/apis/metrics-nothing-here").then().statusCode(404);
    given().get("/api/v1/apis/metrics-nothing-either").then().statusCode(404);
    String metrics = scrape();
    String series =
        "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/api/v1/apis/{api}\"}";
    assertTrue(sample(metrics, series) >= 2, () -> "no " + series + " in\n" + metrics);
    assertTrue(!metrics.contains("metrics-nothing-here"), "a name from a URL became a label");
  }

  @Test
  void dataPlaneRequestsAreCountedByAnswerClass() {
    given().body(Seed.usersTableNamed("metrics-users")).put("/api/v1/tables/metrics-users");
    given().body("{}").put("/api/v1/apis/metrics").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"metrics-users\"}")
        .put("/api/v1/apis/metrics/routes/get-user")
        .then()
        .statusCode(201);
    String invokeUrl =
        given()
            .post("/api/v1/apis/metrics/reconcile?wait=true")
            .then()
            .statusCode(200)
            .extract()
            .path("status.invokeUrl");
    String ok = "dynagate_dataplane_requests_seconds_count{status=\"4xx\"}";
    double before = sample(scrape(), ok);

    for (int i = 0; i < 3; i++) {
      given().baseUri(invokeUrl).get("/users/nobody-" + i).then().statusCode(404);
    }
    given().baseUri(invokeUrl).get("/no/such/resource").then().statusCode(403);

    String metrics = scrape();
    assertEquals(before + 4, sample(metrics, ok), () -> metrics);
    assertTrue(
        metrics.contains("dynagate_dataplane_requests_seconds_bucket{status=\"4xx\""),
        "latency histogram missing");
  }
}
