package io.dynagate.emulator.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Deployment;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API Gateway state survives a restart: a second store on the same folder sees the first's. */
class ApiGatewayStoreRestartTest {

  @TempDir Path dir;

  @Test
  void apisDeploymentsAndStagesSurviveARestart() throws Exception {
    ApiGatewayStore first = new ApiGatewayStore("000000000000", dir);
    RestApi api = sample();
    first.put(api);
    first.update(api.id(), current -> current.withTags(Map.of("owner", "team-a")));

    ApiGatewayStore second = new ApiGatewayStore("000000000000", dir);
    RestApi reloaded = second.restApi(api.id()).orElseThrow();
    assertEquals(api.withTags(Map.of("owner", "team-a")), reloaded);
    assertEquals(
        "$input.json('$')",
        second
            .deployedStage(api.id(), "dev")
            .orElseThrow()
            .definition()
            .resourceByPath("/items")
            .orElseThrow()
            .resourceMethods()
            .get("GET")
            .methodIntegration()
            .integrationResponses()
            .get("200")
            .responseTemplates()
            .get("application/json"));
    try (var files = Files.walk(dir)) {
      assertTrue(
          files.filter(Files::isRegularFile).allMatch(file -> file.toString().endsWith(".json")),
          "no temporary file left");
    }
    // A deployment is written once, beside its API, not inside the API's file.
    assertTrue(Files.exists(dir.resolve("deployments").resolve(api.id() + ".deploy0001.json")));
    assertFalse(
        Files.readString(dir.resolve("apis").resolve(api.id() + ".json")).contains("snapshot"));

    second.delete(api.id());
    assertTrue(new ApiGatewayStore("000000000000", dir).restApis().isEmpty());
  }

  private static RestApi sample() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Integration integration =
        new Integration(
                "AWS",
                "POST",
                "arn:aws:apigateway:us-east-1:dynamodb:action/Scan",
                "arn:aws:iam::000000000000:role/r",
                Map.of(),
                Map.of("application/json", "{\"TableName\":\"items\"}"),
                "WHEN_NO_TEMPLATES",
                null,
                29000,
                null,
                List.of(),
                Map.of())
            .withResponse(
                new IntegrationResponse(
                    "200", null, Map.of(), Map.of("application/json", "$input.json('$')"), null));
    Method get =
        new Method(
            "GET",
            "NONE",
            null,
            false,
            null,
            null,
            Map.of(),
            Map.of(),
            List.of(),
            Map.of(),
            integration);
    ApiDefinition draft =
        ApiDefinition.empty("root000001")
            .with(new Resource("items00001", "root000001", "items", "/items", Map.of("GET", get)));
    Deployment deployment = new Deployment("deploy0001", "first", now, draft);
    Stage stage =
        new Stage(
            "dev",
            deployment.id(),
            null,
            Map.of("v", "1"),
            Map.of(),
            false,
            false,
            Map.of(),
            now,
            now,
            Map.of());
    return new RestApi(
        "api0000001",
        "items",
        null,
        now,
        null,
        List.of(),
        "HEADER",
        List.of("REGIONAL"),
        false,
        null,
        Map.of(),
        Map.of(),
        draft,
        Map.of(deployment.id(), deployment),
        Map.of("dev", stage),
        "ipv4",
        null,
        Map.of(),
        List.of("vpce-0a1b2c3d4e5f60789"));
  }
}
