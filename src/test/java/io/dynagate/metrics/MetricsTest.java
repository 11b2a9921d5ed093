package io.dynagate.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.store.Leases;
import io.dynagate.store.RegistryTable;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What an operator scrapes at /q/metrics after using the service. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class MetricsTest {

  @Inject ApiGatewayClient apiGateway;
  @Inject DynamoDbClient dynamo;
  @Inject RegistryTable registryTable;
  @Inject Leases leases;

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

  @Test
  void aReconcilePassIsCountedByApiAndOutcomeWithItsAwsCalls() {
    given()
        .body(Seed.usersTableNamed("metrics-pass-users"))
        .put("/api/v1/tables/metrics-pass-users");
    given().body("{}").put("/api/v1/apis/metrics-pass").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"metrics-pass-users\"}")
        .put("/api/v1/apis/metrics-pass/routes/get-user")
        .then()
        .statusCode(201);
    given().post("/api/v1/apis/metrics-pass/reconcile?wait=true").then().statusCode(200);

    String metrics = scrape();
    String passes = "dynagate_reconcile_passes_total{api=\"metrics-pass\",outcome=\"ready\"}";
    assertTrue(sample(metrics, passes) >= 1, () -> "no " + passes + " in\n" + metrics);
    String proved = "dynagate_preflight_outcomes_total{api=\"metrics-pass\",outcome=\"passed\"}";
    assertTrue(sample(metrics, proved) >= 1, () -> "no " + proved);
    String took = "dynagate_reconcile_duration_seconds_count{api=\"metrics-pass\"}";
    assertTrue(sample(metrics, took) >= 1, () -> "no " + took);
    assertTrue(
        metrics.contains("dynagate_reconcile_duration_seconds_bucket{api=\"metrics-pass\""),
        "duration histogram missing");
    String created =
        "dynagate_aws_calls_total{operation=\"CreateRestApi\",outcome=\"success\",service=\"apigateway\"}";
    assertTrue(
        sample(metrics, created) >= 1,
        () -> "the pass's REST API creation was not counted:\n" + metrics);
  }

  @Test
  void aFailedAwsCallIsCountedByItsErrorCode() {
    String series =
        "dynagate_aws_calls_total{operation=\"GetRestApi\",outcome=\"NotFoundException\",service=\"apigateway\"}";
    double before = sample(scrape(), series);
    for (int i = 0; i < 2; i++) {
      try {
        apiGateway.getRestApi(b -> b.restApiId("nosuchapi0"));
      } catch (NotFoundException expected) {
        // the point: a refused call is counted with AWS's code, once per call
      }
    }
    String metrics = scrape();
    assertEquals(before + 2, sample(metrics, series), () -> metrics);
  }

  @Test
  void takingOverAnExpiredLeaseOfAnotherHolderIsCountedAndRenewingOnesOwnIsNot() {
    String series = "dynagate_lease_takeovers_total";
    double before = sample(scrape(), series);
    assertTrue(leases.acquire("metrics-lease-own", Duration.ofSeconds(30)));
    assertTrue(leases.acquire("metrics-lease-own", Duration.ofSeconds(30)));
    leases.release("metrics-lease-own");
    assertEquals(before, sample(scrape(), series), "renewing one's own lease is no takeover");

    // Another instance crashed holding this lease: it expired a minute ago and was never released.
    dynamo.putItem(
        b ->
            b.tableName(registryTable.name())
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("lease"),
                        "sk", AttributeValue.fromS("metrics-lease-crashed"),
                        "holder", AttributeValue.fromS("another-instance"),
                        "expiresAt",
                            AttributeValue.fromN(
                                Long.toString(System.currentTimeMillis() - 60_000)))));
    assertTrue(leases.acquire("metrics-lease-crashed", Duration.ofSeconds(30)));
    leases.release("metrics-lease-crashed");
    assertEquals(before + 1, sample(scrape(), series));
  }
}
