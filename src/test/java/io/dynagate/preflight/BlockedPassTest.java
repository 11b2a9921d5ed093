package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Preflight in the reconciler: a template that fails a probe blocks the pass before anything
 * changes on the target (counted by its emulator), status and plan say which probe, its request and
 * the answer; the same route with a sound template goes live, and a pass with nothing to change
 * stays at zero changing calls.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(BlockedPassTest.Alone.class)
class BlockedPassTest {

  /**
   * The emulator counts calls per operation for the whole application, so this test runs in an
   * application of its own with no periodic pass: another test's API, repaired or retried in the
   * background, would otherwise add changing calls between two readings.
   */
  public static class Alone implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.reconcile.interval", "off");
    }
  }

  private static final Pattern MUTATING =
      Pattern.compile("[a-z]+:(Create|Put|Delete|Update|Import|Tag|Untag).*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedEngine engine;
  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;

  private Map<String, Long> mutatingCalls() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(engine.emulatorEndpoint() + "/_emulator/calls"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, Long> mutating = new HashMap<>();
    JSON.readValue(answer.body(), new TypeReference<Map<String, Long>>() {})
        .forEach(
            (operation, count) -> {
              if (MUTATING.matcher(operation).matches()) {
                mutating.put(operation, count);
              }
            });
    return mutating;
  }

  private static String route(String template) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "method", "GET",
            "path", "/users/{userId}",
            "table", "pf-blocked-users",
            "responseTemplate", template));
  }

  private static void awaitTableReady() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!"Ready"
        .equals(
            given().get("/api/v1/tables/pf-blocked-users").then().extract().path("status.phase"))) {
      assertTrue(System.nanoTime() < deadline, "the table never became Ready");
      Thread.sleep(100);
    }
  }

  @Test
  void aFailingProbeBlocksThePassAndASoundTemplateGoesLive() throws Exception {
    given()
        .body(PreflightTest.Seed.table().replace("pf-users", "pf-blocked-users"))
        .put("/api/v1/tables/pf-blocked-users")
        .then()
        .statusCode(201);
    awaitTableReady();
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/pf-blocked").then().statusCode(201);
    String keyless =
        CustomTemplatePreflightTest.SOUND.replace(
            "\"id\":\"$util.escapeJavaScript($item.userId.S).replaceAll(\"\\\\'\",\"'\")\",", "");
    given()
        .body(route(keyless))
        .put("/api/v1/apis/pf-blocked/routes/get-user")
        .then()
        .statusCode(201);
    Map<String, Long> before = mutatingCalls();

    given()
        .post("/api/v1/apis/pf-blocked/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Blocked"))
        .body("status.message", containsString("route get-user, probe found item"))
        .body("status.message", containsString("the answer does not hold the key userId"))
        .body("status.message", containsString("request GET /users/pf-userId-0"))
        .body("status.message", containsString("answer 200"))
        .body("status.restApiId", nullValue());
    assertEquals(before, mutatingCalls(), "a blocked pass changes nothing on the target");
    assertTrue(
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .noneMatch(api -> "pf-blocked".equals(api.tags().get("dynagate:api"))));
    assertThrows(
        NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("dynagate-pf-blocked")));
    given()
        .get("/api/v1/apis/pf-blocked/plan")
        .then()
        .statusCode(200)
        .body("preflight.passed", equalTo(false))
        .body("preflight.routes[0].route", equalTo("get-user"))
        .body("preflight.routes[0].failure", containsString("probe found item"));

    given()
        .body(route(CustomTemplatePreflightTest.SOUND))
        .put("/api/v1/apis/pf-blocked/routes/get-user")
        .then()
        .statusCode(200);
    String invokeUrl =
        given()
            .post("/api/v1/apis/pf-blocked/reconcile?wait=true")
            .then()
            .statusCode(200)
            .body("status.phase", equalTo("Ready"))
            .extract()
            .path("status.invokeUrl");
    try (DynamoDbClient dynamo = targetDynamo()) {
      dynamo.putItem(
          b ->
              b.tableName("pf-blocked-users")
                  .item(
                      Map.of(
                          "userId", AttributeValue.fromS("u1"),
                          "name", AttributeValue.fromS("Ada \"the\" O'Brien"))));
    }
    given()
        .baseUri(invokeUrl)
        .get("/users/u1")
        .then()
        .statusCode(200)
        .body("id", equalTo("u1"))
        .body("displayName", equalTo("Ada \"the\" O'Brien"));
    given().baseUri(invokeUrl).get("/users/nobody").then().statusCode(404);

    Map<String, Long> converged = mutatingCalls();
    given()
        .post("/api/v1/apis/pf-blocked/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Ready"));
    assertEquals(converged, mutatingCalls(), "an unchanged pass makes no changing call");
    given().get("/api/v1/apis/pf-blocked/plan").then().body("preflight", nullValue());
  }

  private DynamoDbClient targetDynamo() {
    return DynamoDbClient.builder()
        .endpointOverride(engine.emulatorEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
