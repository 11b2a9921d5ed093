package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The emulator as a whole: call counts, quotas with a time scale, injected faults, DynamoDB through
 * the same endpoint, and the data-plane path before a data plane is installed.
 *
 * <p>Counts and quota buckets are per emulator, so this class runs on an application of its own
 * whose reconciler has nothing declared and no periodic pass: no call but the test's reaches it.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(EmulatorOperationsTest.QuietReconciler.class)
class EmulatorOperationsTest {

  /** No drift pass; with a fresh data directory nothing is declared, so nothing reconciles. */
  public static class QuietReconciler implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.reconcile.interval", "off");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedEngine engine;
  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;

  @AfterEach
  void resetConfig() {
    EmulatorHttp.resetConfig(engine.emulatorEndpoint());
  }

  @Test
  void callsAreCountedPerOperationUntilReset() throws Exception {
    URI endpoint = engine.emulatorEndpoint();
    assertEquals(204, EmulatorHttp.send(endpoint, "DELETE", "/_emulator/calls", null).statusCode());
    apiGateway.createRestApi(b -> b.name("counted"));
    apiGateway.getRestApis(b -> b.limit(5));
    apiGateway.getRestApis(b -> b.limit(5));
    assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("nobody")));
    try (DynamoDbClient dynamo = EmulatorHttp.dynamoDbThroughEmulator(endpoint)) {
      dynamo.listTables();
    }
    JsonNode counts =
        JSON.readTree(EmulatorHttp.send(endpoint, "GET", "/_emulator/calls", null).body());
    assertEquals(1, counts.path("apigateway:CreateRestApi").asInt());
    assertEquals(2, counts.path("apigateway:GetRestApis").asInt());
    assertEquals(1, counts.path("iam:GetRole").asInt());
    assertEquals(1, counts.path("dynamodb:ListTables").asInt());
    EmulatorHttp.send(endpoint, "DELETE", "/_emulator/calls", null);
    assertEquals("{}", EmulatorHttp.send(endpoint, "GET", "/_emulator/calls", null).body());
  }

  @Test
  void aBurstOfDeploymentsIsThrottledUntilTheScaledIntervalPasses() throws Exception {
    URI endpoint = engine.emulatorEndpoint();
    var api = apiGateway.createRestApi(b -> b.name("throttled"));
    apiGateway.putMethod(
        b ->
            b.restApiId(api.id())
                .resourceId(api.rootResourceId())
                .httpMethod("GET")
                .authorizationType("NONE"));
    apiGateway.putIntegration(
        b ->
            b.restApiId(api.id())
                .resourceId(api.rootResourceId())
                .httpMethod("GET")
                .type(IntegrationType.MOCK));
    // CreateDeployment is 1 per 5 s on AWS; 0.05 makes it 1 per 250 ms.
    EmulatorHttp.configure(endpoint, "{\"quotas\":\"aws\",\"timeScale\":0.05}");
    try (ApiGatewayClient client = EmulatorHttp.apiGatewayWithoutRetries(endpoint)) {
      client.createDeployment(b -> b.restApiId(api.id()).stageName("dev"));
      TooManyRequestsException throttled =
          assertThrows(
              TooManyRequestsException.class,
              () -> client.createDeployment(b -> b.restApiId(api.id()).stageName("dev")));
      assertEquals(429, throttled.statusCode());
      assertEquals("1", throttled.retryAfterSeconds());
      Thread.sleep(300);
      assertNotNull(client.createDeployment(b -> b.restApiId(api.id()).stageName("dev")).id());
      // Other operations have their own buckets.
      client.getRestApi(b -> b.restApiId(api.id()));
    }
  }

  @Test
  void theTotalBucketAllowsABurstOfFortyThenThrottles() {
    // The total bucket refills one call per 100 ms on AWS; scaled by 10000 one per 1000 s, so no
    // call comes back during the burst however slow the machine is.
    EmulatorHttp.configure(engine.emulatorEndpoint(), "{\"quotas\":\"aws\",\"timeScale\":10000}");
    try (ApiGatewayClient client =
        EmulatorHttp.apiGatewayWithoutRetries(engine.emulatorEndpoint())) {
      for (int i = 0; i < 40; i++) {
        client.getRestApis(b -> b.limit(1));
      }
      assertThrows(TooManyRequestsException.class, () -> client.getRestApis(b -> b.limit(1)));
    }
  }

  @Test
  void injectedFaultsAnswerAsAwsServerErrors() {
    EmulatorHttp.configure(engine.emulatorEndpoint(), "{\"errorRate\":1.0}");
    try (ApiGatewayClient client =
        EmulatorHttp.apiGatewayWithoutRetries(engine.emulatorEndpoint())) {
      AwsServiceException fault =
          assertThrows(AwsServiceException.class, () -> client.getRestApis(b -> b.limit(1)));
      assertTrue(
          fault.statusCode() == 500 || fault.statusCode() == 503, "status " + fault.statusCode());
    }
    EmulatorHttp.configure(engine.emulatorEndpoint(), "{\"errorRate\":0,\"latencyMillis\":150}");
    long start = System.nanoTime();
    apiGateway.getRestApis(b -> b.limit(1));
    assertTrue(System.nanoTime() - start >= 150_000_000L, "latency applies");
    assertEquals(
        400,
        EmulatorHttp.send(
                engine.emulatorEndpoint(), "PUT", "/_emulator/config", "{\"errorRate\":2}")
            .statusCode());
  }

  @Test
  void dynamoDbWorksThroughTheEmulatorEndpoint() throws InterruptedException {
    try (DynamoDbClient dynamo = EmulatorHttp.dynamoDbThroughEmulator(engine.emulatorEndpoint())) {
      dynamo.createTable(
          b ->
              b.tableName("emulated")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                  .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
      awaitActive(dynamo, "emulated");
      dynamo.putItem(
          b ->
              b.tableName("emulated")
                  .item(
                      Map.of("id", AttributeValue.fromS("u1"), "age", AttributeValue.fromN("42"))));
      var item =
          dynamo
              .getItem(b -> b.tableName("emulated").key(Map.of("id", AttributeValue.fromS("u1"))))
              .item();
      assertEquals("42", item.get("age").n());
      assertThrows(
          ResourceNotFoundException.class,
          () ->
              dynamo.getItem(
                  b -> b.tableName("missing").key(Map.of("id", AttributeValue.fromS("x")))));
    }
  }

  // The SDK's waiter polls every 20 s; dynalite makes a table ACTIVE within milliseconds.
  private static void awaitActive(DynamoDbClient dynamo, String table) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (dynamo
          .describeTable(b -> b.tableName(table))
          .table()
          .tableStatusAsString()
          .equals("ACTIVE")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(table + " did not become ACTIVE");
  }

  @Test
  void aDynamoDbCallWithoutAJsonContentTypeGetsDynamoDbsJsonError() {
    HttpResponse<String> answer =
        EmulatorHttp.sendSigned(
            engine.emulatorEndpoint(),
            "dynamodb",
            Map.of("X-Amz-Target", "DynamoDB_20120810.ListTables"),
            "{}");
    assertEquals(400, answer.statusCode());
    assertEquals(
        "application/x-amz-json-1.0", answer.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}", answer.body());
  }

  @Test
  void stageInvocationsWithoutADataPlaneAnswerMissingAuthenticationToken() {
    HttpResponse<String> answer =
        EmulatorHttp.send(
            engine.emulatorEndpoint(),
            "GET",
            "/restapis/abcdefghij/dev/_user_request_/users/1",
            null);
    assertEquals(403, answer.statusCode());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", answer.body());
  }
}
