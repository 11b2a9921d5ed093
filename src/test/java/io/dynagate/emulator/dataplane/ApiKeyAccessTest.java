package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * API keys and usage plans as a consumer meets them: keys and plans made through the AWS SDK,
 * methods that require a key called over plain HTTP, and AWS's answers for a missing, unknown,
 * disabled, unlinked or revoked key, a plan's rate and burst, and its quota.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ApiKeyAccessTest {

  private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
  private static final String TOO_MANY = "{\"message\":\"Too Many Requests\"}";
  private static final String LIMIT = "{\"message\":\"Limit Exceeded\"}";

  @Inject ApiGatewayClient injected;
  @Inject IamClient iam;
  @Inject EmbeddedEngine engine;

  private static ApiGatewayClient apiGateway;
  private static Deployer deployer;
  private static String apiId;

  @BeforeEach
  void setUp() {
    if (apiId != null) {
      return;
    }
    apiGateway =
        ApiGatewayClient.builder()
            .endpointOverride(engine.emulatorEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(Apache5HttpClient.builder())
            .build();
    deployer = new Deployer(injected, iam, engine.emulatorEndpoint());
    apiId =
        deployer.create(
            "keyed",
            AccessApis.document("keyed", Map.of("/keyed", "api_key", "/open", "none"), null),
            "dev");
    deployer.deploy(apiId, "prod");
    deployer.deploy(apiId, "slow");
  }

  @AfterAll
  static void close() {
    if (apiGateway != null) {
      apiGateway.close();
    }
  }

  @Test
  void anOpenMethodNeedsNoKey() {
    HttpResponse<String> answer = deployer.get(apiId, "dev", "/open");
    assertEquals(200, answer.statusCode(), answer.body());
  }

  @Test
  void aMissingUnknownOrDisabledKeyIsForbidden() {
    String value = key("disabled", false, null).value();
    assertForbidden(deployer.get(apiId, "dev", "/keyed"));
    assertForbidden(call("not-a-key-of-this-account-000000"));
    assertForbidden(call(value));
  }

  @Test
  void aKeyInNoPlanOfTheStageIsForbidden() {
    CreateApiKeyResponse key = key("unlinked", true, null);
    assertForbidden(call(key.value()));
    CreateUsagePlanResponse prodOnly = plan("prod only", "prod", null, null);
    link(prodOnly.id(), key.id());
    assertForbidden(call(key.value()));
    HttpResponse<String> prod = send("prod", key.value());
    assertEquals(200, prod.statusCode(), prod.body());
  }

  @Test
  void aLinkedEnabledKeyCallsThenRevokedIsRefused() {
    CreateUsagePlanResponse plan = plan("team a", "dev", null, null);
    CreateApiKeyResponse key = key("team-a", true, plan.id());
    HttpResponse<String> answer = call(key.value());
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("{\"ok\":\"/keyed\"}", answer.body());

    apiGateway.updateApiKey(
        b ->
            b.apiKey(key.id())
                .patchOperations(p -> p.op(Op.REPLACE).path("/enabled").value("false")));
    assertForbidden(call(key.value()));
    apiGateway.updateApiKey(
        b ->
            b.apiKey(key.id())
                .patchOperations(p -> p.op(Op.REPLACE).path("/enabled").value("true")));
    assertEquals(200, call(key.value()).statusCode());

    apiGateway.deleteUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()));
    assertForbidden(call(key.value()));
    link(plan.id(), key.id());
    apiGateway.deleteApiKey(b -> b.apiKey(key.id()));
    assertForbidden(call(key.value()));
    assertThrows(NotFoundException.class, () -> apiGateway.getApiKey(b -> b.apiKey(key.id())));
    assertEquals(List.of(), apiGateway.getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items());
  }

  @Test
  void aPlansBurstThenRateRefuseWithTooManyRequests() {
    // A rate of one request per 1,000 s: after the burst of 2 nothing refills during the test.
    CreateUsagePlanResponse plan = plan("bursty", "dev", new double[] {0.001, 2}, null);
    CreateApiKeyResponse key = key("bursty", true, plan.id());
    CreateApiKeyResponse other = key("bursty-other", true, plan.id());
    assertEquals(200, call(key.value()).statusCode());
    assertEquals(200, call(key.value()).statusCode());
    HttpResponse<String> third = call(key.value());
    assertEquals(429, third.statusCode());
    assertEquals(TOO_MANY, third.body());
    // Limits are per key: another team's key on the same plan still has its burst.
    assertEquals(200, call(other.value()).statusCode());
  }

  @Test
  void aQuotaHoldsUnderFiftyParallelCalls() throws Exception {
    CreateUsagePlanResponse plan = plan("quota", "dev", null, 25);
    CreateApiKeyResponse key = key("quota", true, plan.id());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        calls.add(pool.submit(() -> call(key.value())));
      }
      int ok = 0;
      int over = 0;
      for (Future<HttpResponse<String>> call : calls) {
        HttpResponse<String> answer = call.get();
        if (answer.statusCode() == 200) {
          ok++;
        } else {
          assertEquals(429, answer.statusCode(), answer.body());
          assertEquals(LIMIT, answer.body());
          over++;
        }
      }
      assertEquals(25, ok);
      assertEquals(35, over);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stageAndMethodThrottlingRefuseWithTooManyRequests() {
    // The stage allows bursts of 3 per method, /open only 1; nothing refills during the test.
    apiGateway.updateStage(
        b ->
            b.restApiId(apiId)
                .stageName("slow")
                .patchOperations(
                    p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("0.001"),
                    p -> p.op(Op.REPLACE).path("/*/*/throttling/burstLimit").value("3"),
                    p -> p.op(Op.REPLACE).path("/~1open/GET/throttling/rateLimit").value("0.001"),
                    p -> p.op(Op.REPLACE).path("/~1open/GET/throttling/burstLimit").value("1")));
    assertEquals(200, deployer.get(apiId, "slow", "/open").statusCode());
    HttpResponse<String> second = deployer.get(apiId, "slow", "/open");
    assertEquals(429, second.statusCode());
    assertEquals(TOO_MANY, second.body());
    CreateUsagePlanResponse plan = plan("slow", "slow", null, null);
    CreateApiKeyResponse key = key("slow", true, plan.id());
    for (int i = 0; i < 3; i++) {
      assertEquals(200, send("slow", key.value()).statusCode());
    }
    assertEquals(429, send("slow", key.value()).statusCode());
    // Other stages keep their own limits.
    assertEquals(200, deployer.get(apiId, "dev", "/open").statusCode());
  }

  @Test
  void keysAndPlansAnswerAsApiGatewayDoes() {
    CreateApiKeyResponse key = key("shape", true, null);
    assertEquals(40, key.value().length());
    assertNull(apiGateway.getApiKey(b -> b.apiKey(key.id())).value());
    assertEquals(
        key.value(), apiGateway.getApiKey(b -> b.apiKey(key.id()).includeValue(true)).value());
    assertFalse(
        apiGateway.getApiKeys(b -> b.nameQuery("shape").includeValues(true)).items().isEmpty());
    assertThrows(
        ConflictException.class,
        () -> apiGateway.createApiKey(b -> b.name("copy").value(key.value())));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.createUsagePlan(
                b -> b.name("nowhere").apiStages(s -> s.apiId("nosuchapi0").stage("dev"))));
    CreateUsagePlanResponse plan = plan("shape", "dev", new double[] {5, 10}, 1000);
    assertEquals("team", plan.tags().get("dynagate:owner"));
    assertEquals(QuotaPeriodType.DAY, plan.quota().period());
    link(plan.id(), key.id());
    assertThrows(ConflictException.class, () -> link(plan.id(), key.id()));
    CreateUsagePlanResponse second = plan("same stage", "dev", null, null);
    assertThrows(ConflictException.class, () -> link(second.id(), key.id()));
    var updated =
        apiGateway.updateUsagePlan(
            b ->
                b.usagePlanId(plan.id())
                    .patchOperations(
                        p -> p.op(Op.REPLACE).path("/throttle/rateLimit").value("7"),
                        p -> p.op(Op.REPLACE).path("/quota/period").value("WEEK")));
    assertEquals(7.0, updated.throttle().rateLimit());
    assertEquals(QuotaPeriodType.WEEK, updated.quota().period());
    assertEquals(
        key.id(), apiGateway.getUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id())).id());
    apiGateway.deleteUsagePlan(b -> b.usagePlanId(second.id()));
    assertThrows(
        NotFoundException.class, () -> apiGateway.getUsagePlan(b -> b.usagePlanId(second.id())));
  }

  private CreateApiKeyResponse key(String name, boolean enabled, String planId) {
    CreateApiKeyResponse key =
        apiGateway.createApiKey(
            b -> b.name(name).enabled(enabled).tags(Map.of("dynagate:owner", "team")));
    if (planId != null) {
      link(planId, key.id());
    }
    return key;
  }

  private CreateUsagePlanResponse plan(
      String name, String stage, double[] throttle, Integer quota) {
    return apiGateway.createUsagePlan(
        b -> {
          b.name(name).apiStages(s -> s.apiId(apiId).stage(stage));
          b.tags(Map.of("dynagate:owner", "team"));
          if (throttle != null) {
            b.throttle(t -> t.rateLimit(throttle[0]).burstLimit((int) throttle[1]));
          }
          if (quota != null) {
            b.quota(q -> q.limit(quota).period(QuotaPeriodType.DAY));
          }
        });
  }

  private void link(String planId, String keyId) {
    apiGateway.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY"));
  }

  private HttpResponse<String> call(String key) {
    return send("dev", key);
  }

  private HttpResponse<String> send(String stage, String key) {
    return deployer.send(apiId, stage, "GET", "/keyed", Map.of("x-api-key", key));
  }

  private static void assertForbidden(HttpResponse<String> answer) {
    assertEquals(403, answer.statusCode(), answer.body());
    assertEquals(FORBIDDEN, answer.body());
    assertEquals("ForbiddenException", answer.headers().firstValue("x-amzn-ErrorType").orElse(""));
  }
}
