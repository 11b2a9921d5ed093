package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Fifty writes to one API (routes declared at once by several writers, then updates of the API)
 * start no pass of their own while their burst goes on; the one pass that follows applies the last
 * of them. Counted by the pass meter and the emulator's call counts, never timed: in this
 * application a change waits an hour for its burst to settle, and the test asks for the pass.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(DebouncedChangesTest.ChangesWaitLong.class)
class DebouncedChangesTest {

  /** Changes never settle on their own here; no periodic pass either. */
  public static class ChangesWaitLong implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "dynagate.reconcile.interval", "off",
          "dynagate.reconcile.debounce", "1h",
          "dynagate.reconcile.debounce-max", "1h");
    }
  }

  private static final String API = "burst";
  private static final int ROUTES = 9;
  private static final int API_UPDATES = 40;

  @Inject MeterRegistry meters;
  @Inject EmbeddedEngine engine;

  private double passes() {
    return meters.find("dynagate.reconcile.passes").tag("api", API).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private long emulatorCalls(String operation) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(engine.emulatorEndpoint().resolve("/_emulator/calls"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return new ObjectMapper()
        .readValue(body, new TypeReference<Map<String, Long>>() {})
        .getOrDefault(operation, 0L);
  }

  private static String route(int i) {
    return "{\"method\":\"GET\",\"path\":\"/r"
        + i
        + "/{userId}\",\"table\":\"burst-users\",\"action\":\"GetItem\"}";
  }

  @Test
  void fiftyWritesToOneApiAreAppliedByOnePass() throws Exception {
    given().body(Seed.usersTableNamed("burst-users")).put("/api/v1/tables/burst-users");
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/" + API).then().statusCode(201);
    ExecutorService writers = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> declared = new ArrayList<>();
      for (int i = 0; i < ROUTES; i++) {
        int n = i;
        declared.add(
            writers.submit(
                () ->
                    given()
                        .body(route(n))
                        .put("/api/v1/apis/" + API + "/routes/r" + n)
                        .then()
                        .extract()
                        .statusCode()));
      }
      for (Future<Integer> status : declared) {
        assertEquals(201, status.get());
      }
    } finally {
      writers.shutdownNow();
    }
    long version = 0;
    for (int i = 0; i < API_UPDATES; i++) {
      version =
          given()
              .body("{\"stage\":\"dev\",\"description\":\"write " + i + "\"}")
              .put("/api/v1/apis/" + API)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getLong("version");
    }
    assertEquals(0, passes(), "a write started a pass of its own");
    assertEquals(0, emulatorCalls("apigateway:CreateDeployment"));

    given()
        .post("/api/v1/apis/" + API + "/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Ready"))
        .body("status.observedVersion", equalTo((int) version));
    assertEquals(1, passes(), "the burst's waiting pass ran beside the one asked for");
    assertEquals(1, emulatorCalls("apigateway:CreateDeployment"));
    for (int i = 0; i < ROUTES; i++) {
      given()
          .get("/api/v1/apis/" + API + "/routes/r" + i)
          .then()
          .statusCode(200)
          .body("status.phase", equalTo("Ready"));
    }
  }
}
