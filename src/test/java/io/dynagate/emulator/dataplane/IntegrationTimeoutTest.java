package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.render.ApiDeclaration.NamedRoute;
import io.dynagate.render.ApiRenderer;
import io.dynagate.render.Definition;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A backend that stops answering: the stage answers API Gateway's 504 once the integration's
 * timeout has passed, instead of holding the caller, and answers again once the backend does. The
 * backend is the real dynalite, stopped with {@code SIGSTOP} for the length of one call.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class IntegrationTimeoutTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject DynamoDbClient dynamo;
  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;

  @Test
  void aStoppedBackendGivesA504AfterTheIntegrationTimeout() throws Exception {
    UsersTable users =
        new UsersTable("slow_users")
            .create(dynamo, List.of(Map.of("userId", AttributeValue.fromS("u1"))));
    Deployer deployer = new Deployer(apiGateway, iam, engine.emulatorEndpoint());
    Definition definition =
        ApiRenderer.render(
            users.api(
                "slow",
                new ApiSpec(null, null, null, null, null, null),
                List.of(new NamedRoute("user", users.getItem("/users/{userId}"))),
                config));
    deployer.role(definition.roleName(), definition.trustPolicy(), definition.permissionPolicy());
    String apiId = deployer.create("slow", withTimeout(definition.openApi(), 400), "dev");
    assertEquals(200, deployer.get(apiId, "dev", "/users/u1").statusCode());

    long dynalite = dynalitePid();
    HttpResponse<String> stalled;
    long started = System.nanoTime();
    signal("-STOP", dynalite);
    try {
      // without the timeout the call would wait for the backend: give up after 10 s
      stalled =
          CompletableFuture.supplyAsync(() -> deployer.get(apiId, "dev", "/users/u1"))
              .get(10, TimeUnit.SECONDS);
    } finally {
      signal("-CONT", dynalite);
    }
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(504, stalled.statusCode(), stalled.body());
    assertEquals("{\"message\": \"Endpoint request timed out\"}", stalled.body());
    assertTrue(tookMillis < 10_000, "answered after " + tookMillis + " ms");

    HttpResponse<String> again = deployer.get(apiId, "dev", "/users/u1");
    assertEquals(200, again.statusCode(), again.body());
  }

  private static String withTimeout(String openApi, int millis) throws IOException {
    JsonNode doc = JSON.readTree(openApi);
    ((ObjectNode) doc.at("/paths/~1users~1{userId}/get/x-amazon-apigateway-integration"))
        .put("timeoutInMillis", millis);
    return JSON.writeValueAsString(doc);
  }

  /** The dynalite child that serves this service's DynamoDB endpoint. */
  private long dynalitePid() {
    String port = Integer.toString(engine.dynamoEndpoint().getPort());
    return ProcessHandle.current()
        .descendants()
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(
                        args ->
                            List.of(args).contains(port)
                                && String.join(" ", args).contains("launch.js"))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dynalite child on port " + port))
        .pid();
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor());
  }
}
