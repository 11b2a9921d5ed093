package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * With 20% of control-plane calls failing and AWS's quotas on, 20 APIs still converge, once each.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ReconcileUnderFaultsTest {

  private static final int APIS = 20;

  @Inject EmbeddedEngine engine;
  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;

  private void emulatorConfig(String json) {
    given()
        .baseUri(engine.emulatorEndpoint().toString())
        .body(json)
        .put("/_emulator/config")
        .then()
        .statusCode(200);
  }

  @AfterEach
  void calmTheEmulator() {
    emulatorConfig("{\"quotas\":\"off\",\"errorRate\":0}");
  }

  @Test
  void twentyApisConvergeWithoutDuplicates() throws Exception {
    given()
        .body(Seed.usersTableNamed("faulty-users"))
        .put("/api/v1/tables/faulty-users")
        .then()
        .statusCode(201);
    emulatorConfig("{\"quotas\":\"aws\",\"timeScale\":0.02,\"errorRate\":0.2}");
    for (int i = 0; i < APIS; i++) {
      given().body("{}").put("/api/v1/apis/faulty-" + i).then().statusCode(201);
      given()
          .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"faulty-users\"}")
          .put("/api/v1/apis/faulty-" + i + "/routes/get")
          .then()
          .statusCode(201);
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    for (int i = 0; i < APIS; i++) {
      String phase;
      do {
        phase =
            given()
                .post("/api/v1/apis/faulty-" + i + "/reconcile?wait=true")
                .then()
                .extract()
                .path("status.phase");
      } while (!"Ready".equals(phase) && System.nanoTime() < deadline);
      assertEquals("Ready", phase, "faulty-" + i + " converged");
    }
    calmTheEmulator();

    Map<String, Long> restApisPerTag =
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .filter(api -> api.tags().getOrDefault(Desired.API_TAG, "").startsWith("faulty-"))
            .collect(
                Collectors.groupingBy(
                    api -> api.tags().get(Desired.API_TAG), Collectors.counting()));
    assertEquals(APIS, restApisPerTag.size());
    assertEquals(
        List.of(1L), restApisPerTag.values().stream().distinct().toList(), "one REST API per API");
    List<String> roles =
        iam.listRoles(b -> b.pathPrefix("/dynagate/").maxItems(1000)).roles().stream()
            .map(r -> r.roleName())
            .filter(n -> n.contains("-faulty-"))
            .toList();
    assertEquals(
        IntStream.range(0, APIS).mapToObj(i -> "dynagate-faulty-" + i).sorted().toList(),
        roles.stream().sorted().toList());
  }
}
