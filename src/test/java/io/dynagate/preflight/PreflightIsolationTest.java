package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Preflight runs on a shadow of its own: the target (here the embedded emulator) sees no call that
 * changes anything; many callers at once share one run; only an API's owner runs it.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class PreflightIsolationTest {

  private static final Pattern MUTATING =
      Pattern.compile("[a-z]+:(Create|Put|Delete|Update|Import|Tag|Untag|BatchWrite).*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedEngine engine;
  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;

  private Map<String, Long> targetCalls() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(engine.emulatorEndpoint() + "/_emulator/calls"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readValue(answer.body(), new TypeReference<Map<String, Long>>() {});
  }

  @Test
  void theTargetSeesNoChangingCall() throws Exception {
    PreflightTest.declare(
        "pf-isolated",
        Map.of(
            "get-user",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"pf-users\"}"));
    given()
        .post("/api/v1/apis/pf-isolated/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Ready"));
    Map<String, Long> before = targetCalls();

    given()
        .post("/api/v1/apis/pf-isolated/preflight?force=true")
        .then()
        .statusCode(200)
        .body("passed", equalTo(true));

    Map<String, Long> after = targetCalls();
    after.forEach(
        (operation, count) -> {
          if (MUTATING.matcher(operation).matches()) {
            assertEquals(before.getOrDefault(operation, 0L), count, operation);
          }
        });
    assertTrue(
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .noneMatch(api -> api.name().startsWith("preflight-")));
    assertEquals(
        1,
        iam.listRoles().roles().stream().filter(r -> r.roleName().contains("pf-isolated")).count());
  }

  @Test
  void fiftyCallersAtOnceShareOneRun() throws Exception {
    PreflightTest.declare(
        "pf-crowd",
        Map.of(
            "get-user",
            "{\"method\":\"GET\",\"path\":\"/crowd/{userId}\",\"table\":\"pf-users\"}"));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<String>> answers =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  50,
                  () ->
                      given()
                          .post("/api/v1/apis/pf-crowd/preflight")
                          .then()
                          .statusCode(200)
                          .body("passed", equalTo(true))
                          .extract()
                          .path("ranAt")));
      Set<String> runs = new HashSet<>();
      for (Future<String> answer : answers) {
        runs.add(answer.get());
      }
      assertEquals(1, runs.size(), "one run, its report shared: " + runs);
    } finally {
      pool.shutdownNow();
    }
    given()
        .get("/api/v1/apis/pf-crowd/preflight")
        .then()
        .statusCode(200)
        .body("api", equalTo("pf-crowd"));
  }

  @Test
  void onlyTheOwnerOrAnAdminRunsIt() {
    Teams.create("pf-owner");
    Teams.create("pf-other");
    Teams.Issued owner = Teams.issue("pf-owner");
    Teams.Issued other = Teams.issue("pf-other");
    Teams.as(owner)
        .body(PreflightTest.Seed.table().replace("pf-users", "pf-owned"))
        .put("/api/v1/tables/pf-owned")
        .then()
        .statusCode(201);
    Teams.as(owner).body("{}").put("/api/v1/apis/pf-owned-api").then().statusCode(201);
    Teams.as(owner)
        .body("{\"method\":\"GET\",\"path\":\"/u/{userId}\",\"table\":\"pf-owned\"}")
        .put("/api/v1/apis/pf-owned-api/routes/get")
        .then()
        .statusCode(201);

    Teams.as(other).post("/api/v1/apis/pf-owned-api/preflight").then().statusCode(403);
    given()
        .header("Authorization", "Bearer not-a-token-at-all-000000")
        .post("/api/v1/apis/pf-owned-api/preflight")
        .then()
        .statusCode(401);
    Teams.as(owner)
        .post("/api/v1/apis/pf-owned-api/preflight")
        .then()
        .statusCode(200)
        .body("passed", equalTo(true));
    given().post("/api/v1/apis/pf-nowhere/preflight").then().statusCode(404);
  }
}
