package io.dynagate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.reconcile.ConsumerPort;
import io.dynagate.reconcile.ConsumerPort.Limits;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The consumer port on the emulator through the AWS SDK: tagged plans and keys found again (what a
 * pass after a crash adopts), limits patched only where they differ, links made and removed.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ConsumerPortTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ConsumerPort consumers;
  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;

  @Test
  void aTaggedPlanAndKeyAreAdoptedAndAnUnchangedLimitCostsNoCall() throws Exception {
    String apiId = apiGateway.createRestApi(b -> b.name("consumed")).id();
    String root = apiGateway.getResources(b -> b.restApiId(apiId)).items().get(0).id();
    apiGateway.putMethod(
        b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    apiGateway.putIntegration(
        b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").type("MOCK"));
    apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev"));
    Map<String, String> tags = Map.of("dynagate:consumer", "consumed/team-b");
    Limits limits = new Limits(10.0, 20, 1000, "DAY");
    ConsumerPort.LivePlan plan =
        consumers.createPlan("consumed-team-b", apiId, "dev", limits, tags);
    ConsumerPort.LiveKey key =
        consumers.createKey("consumed-team-b", "k".repeat(30) + "0123456789", tags);
    consumers.link(plan.id(), key.id());

    ConsumerPort.LivePlan adopted =
        consumers.plansTagged("dynagate:consumer", "consumed/team-b").get(0);
    assertEquals(plan.id(), adopted.id());
    assertEquals(List.of(key.id()), adopted.keyIds());
    assertEquals(limits, adopted.limits());
    assertEquals(List.of(apiId + ":dev"), adopted.apiStages());
    assertEquals(
        key.id(), consumers.keysTagged("dynagate:consumer", "consumed/team-b").get(0).id());

    long before = calls("apigateway:UpdateUsagePlan");
    consumers.updateLimits(adopted, limits);
    assertEquals(before, calls("apigateway:UpdateUsagePlan"));
    consumers.updateLimits(adopted, new Limits(10.0, 20, 500, "WEEK"));
    assertEquals(before + 1, calls("apigateway:UpdateUsagePlan"));
    assertEquals(
        new Limits(10.0, 20, 500, "WEEK"),
        consumers.plansTagged("dynagate:consumer", "consumed/team-b").get(0).limits());

    consumers.unlink(plan.id(), key.id());
    assertTrue(
        consumers.plansTagged("dynagate:consumer", "consumed/team-b").get(0).keyIds().isEmpty());
    consumers.deleteKey(key.id());
    consumers.deletePlan(plan.id());
    assertTrue(consumers.keysTagged("dynagate:consumer", "consumed/team-b").isEmpty());
    assertTrue(consumers.plansTagged("dynagate:consumer", "consumed/team-b").isEmpty());
  }

  private long calls(String operation) throws Exception {
    URI uri = engine.emulatorEndpoint().resolve("/_emulator/calls");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode counts = JSON.readTree(answer.body());
    return counts.path(operation).asLong(0);
  }
}
