package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routes that require an API key or a signature: preflight checks that a caller without one is
 * refused; an open route of the same API gets every probe.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class AccessPreflightTest {

  @Test
  void aClosedRouteIsRefusedWithoutCredentialsAndAnOpenOneIsProbed() {
    PreflightTest.declare("pf-access", java.util.Map.of());
    given()
        .body(
            "{\"stage\":\"dev\",\"access\":{\"authorization\":\"API_KEY\","
                + "\"routes\":{\"open\":{\"authorization\":\"NONE\"},"
                + "\"signed\":{\"authorization\":\"AWS_IAM\"}}}}")
        .put("/api/v1/apis/pf-access")
        .then()
        .statusCode(200);
    for (String route : List.of("keyed", "open", "signed")) {
      given()
          .body("{\"method\":\"GET\",\"path\":\"/" + route + "/{userId}\",\"table\":\"pf-users\"}")
          .put("/api/v1/apis/pf-access/routes/" + route)
          .then()
          .statusCode(201);
    }
    JsonPath report = PreflightTest.preflight("pf-access");
    assertTrue(report.getBoolean("passed"), () -> report.get("routes").toString());
    assertEquals(
        List.of("refused without credentials"),
        report.getList("routes.find { it.route == 'keyed' }.probes.probe"));
    assertEquals(
        List.of("refused without credentials"),
        report.getList("routes.find { it.route == 'signed' }.probes.probe"));
    assertEquals(
        List.of("found item", "missing item", "hostile keys", "no permission"),
        report.getList("routes.find { it.route == 'open' }.probes.probe"));
    assertEquals(403, report.getInt("routes.find { it.route == 'keyed' }.probes[0].answer.status"));
  }
}
