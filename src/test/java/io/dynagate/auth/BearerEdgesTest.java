package io.dynagate.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.store.RegistryTable;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The edges of bearer authentication as a client meets them: what a refusal looks like, which
 * Authorization headers are not a token, what stays public whatever the header says, and that a
 * token is worth nothing on the emulator's AWS endpoint.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class BearerEdgesTest {

  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;
  @Inject DynamoDbClient dynamo;
  @Inject RegistryTable registry;

  @Test
  void aRefusalIsAProblemWithABearerChallenge() {
    refused(given().get("/api/v1/tables").then());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNzd29yZA==",
        "Bearer",
        "Bearer ",
        "Bearer dg_",
        "Bearer dg__secret",
        "Bearer dg_0123456789abcdef_",
        "Token test-admin-token-0123456789",
        "test-admin-token-0123456789",
        "Bearer test-admin-token-0123456789 test-admin-token-0123456789",
        "Bearertest-admin-token-0123456789"
      })
  void aMalformedAuthorizationHeaderIsRefused(String header) {
    refused(given().header("Authorization", header).get("/api/v1/apis").then());
  }

  @Test
  void theSchemeNameIsNotCaseSensitive() {
    given()
        .header("Authorization", "bearer " + TestAuth.adminToken())
        .get("/api/v1/teams")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", "BEARER " + TestAuth.adminToken())
        .get("/api/v1/teams")
        .then()
        .statusCode(200);
  }

  // Whichever header a proxy or client library would pick, a second one must not slip through.
  @Test
  void twoAuthorizationHeadersAreRefused() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/teams"))
                    .header("Authorization", "Bearer " + TestAuth.adminToken())
                    .header("Authorization", "Bearer dg_0123456789abcdef_not-a-secret")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertTrue(answer.statusCode() == 401, "answered " + answer.statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/q/health/ready",
        "/q/health/live",
        "/q/openapi",
        "/q/metrics",
        "/ui",
        "/ui/signin",
        "/ui/tables/new",
        "/ui/assets/ui.css",
        "/ui/assets/js/signin.js"
      })
  void publicPagesAnswerWhateverTheAuthorizationHeaderSays(String path) {
    given().get(path).then().statusCode(200);
    given().header("Authorization", "Bearer not-a-token").get(path).then().statusCode(200);
    given().header("Authorization", "Basic dXNlcjpwYXNzd29yZA==").get(path).then().statusCode(200);
  }

  // No call removes a team; an operator may, in the registry. Its tokens must not outlive it.
  @Test
  void aTokenOfATeamThatIsGoneIsRefusedAtOnce() {
    Teams.create("edge-gone");
    Teams.Issued token = Teams.issue("edge-gone");
    Teams.as(token).get("/api/v1/tables").then().statusCode(200);
    dynamo.deleteItem(
        b ->
            b.tableName(registry.name())
                .key(
                    Map.of(
                        "pk",
                        AttributeValue.fromS("team"),
                        "sk",
                        AttributeValue.fromS("edge-gone"))));
    refused(Teams.as(token).get("/api/v1/tables").then());
    refused(Teams.as(token).body("{}").put("/api/v1/apis/edge-gone-api").then());
  }

  @Test
  void aTeamTokenOnAnAdminCallIsForbiddenWithAProblem() {
    Teams.create("edge-team");
    Teams.Issued token = Teams.issue("edge-team");
    forbidden(Teams.as(token).body("{\"name\":\"edge-other\"}").post("/api/v1/teams").then());
    forbidden(Teams.as(token).get("/api/v1/system/iam-policy").then());
    forbidden(
        Teams.as(token)
            .body("{\"owner\":\"edge-team\"}")
            .post("/api/v1/tables/edge-team-t/adopt")
            .then());
  }

  @Test
  void aBearerTokenAuthenticatesNothingOnTheEmulatorsAwsEndpoint() throws Exception {
    Teams.create("edge-emulated");
    String admin = "Bearer " + TestAuth.adminToken();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> scan =
        http.send(
            HttpRequest.newBuilder(engine.emulatorEndpoint())
                .header("Authorization", admin)
                .header("X-Amz-Target", "DynamoDB_20120810.Scan")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"TableName\":\"" + config.registry().table() + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(scan.statusCode() >= 400, "the emulator answered " + scan.statusCode());
    assertFalse(scan.body().contains("edge-emulated"), "the registry was read: " + scan.body());
    HttpResponse<String> teams =
        http.send(
            HttpRequest.newBuilder(engine.emulatorEndpoint().resolve("/api/v1/teams"))
                .header("Authorization", admin)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(teams.statusCode() >= 400, "the emulator answered " + teams.statusCode());
    assertFalse(teams.body().contains("edge-emulated"), "teams were listed: " + teams.body());
  }

  private static void refused(ValidatableResponse response) {
    response
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer realm=\"dynagate\"")
        .contentType("application/problem+json")
        .body("type", equalTo("about:blank"))
        .body("title", equalTo("Unauthorized"))
        .body("status", equalTo(401))
        .body("detail", equalTo("send Authorization: Bearer TOKEN with a valid token"));
  }

  private static void forbidden(ValidatableResponse response) {
    response
        .statusCode(403)
        .contentType("application/problem+json")
        .body("title", equalTo("Forbidden"))
        .body("status", equalTo(403));
  }

  private static String baseUrl() {
    return "http://localhost:" + RestAssured.port;
  }
}
