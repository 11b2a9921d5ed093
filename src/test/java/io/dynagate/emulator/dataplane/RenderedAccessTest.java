package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiDeclaration.NamedRoute;
import io.dynagate.render.ApiRenderer;
import io.dynagate.render.Definition;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The renderer's access output deployed on the emulator and called as consumers would: an {@code
 * API_KEY} API whose one route overrides to {@code AWS_IAM}, behind a resource policy that admits
 * one source range.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class RenderedAccessTest {

  private static final String TABLE = "ra_users";
  private static final String INSIDE = "10.9.1.1";
  private static final String OUTSIDE = "192.0.2.1";

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject DynamoDbClient dynamo;
  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;

  private static Deployer deployer;
  private static String apiId;
  private static String keyValue;

  @BeforeEach
  void setUp() {
    if (apiId != null) {
      return;
    }
    UsersTable users =
        new UsersTable(TABLE)
            .create(
                dynamo,
                List.of(
                    Map.of(
                        "userId",
                        AttributeValue.fromS("u1"),
                        "name",
                        AttributeValue.fromS("Ada"))));
    deployer = new Deployer(apiGateway, iam, engine.emulatorEndpoint());
    Definition definition = ApiRenderer.render(declaration(users));
    deployer.role(definition.roleName(), definition.trustPolicy(), definition.permissionPolicy());
    apiId = deployer.create("consumed", definition.openApi(), "dev");
    String planId =
        apiGateway
            .createUsagePlan(
                b ->
                    b.name("team-b")
                        .apiStages(s -> s.apiId(apiId).stage("dev"))
                        .quota(q -> q.limit(100).period("DAY")))
            .id();
    var key = apiGateway.createApiKey(b -> b.name("team-b").enabled(true));
    apiGateway.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    keyValue = key.value();
  }

  @Test
  void aConsumerWithItsKeyFromAnAdmittedSourceGetsTheItem() {
    HttpResponse<String> answer = keyed(keyValue, INSIDE);
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("{\"userId\":\"u1\",\"name\":\"Ada\"}", answer.body().strip());
  }

  @Test
  void noKeyOrAnotherSourceIsRefused() {
    HttpResponse<String> noKey =
        deployer.send(apiId, "dev", "GET", "/users/u1", Map.of("X-Forwarded-For", INSIDE));
    assertEquals(403, noKey.statusCode());
    assertEquals("{\"message\":\"Forbidden\"}", noKey.body());
    HttpResponse<String> outside = keyed(keyValue, OUTSIDE);
    assertEquals(403, outside.statusCode());
    assertEquals("AccessDeniedException", outside.headers().firstValue("x-amzn-ErrorType").get());
  }

  @Test
  void theIamRouteWantsASignedCallerAllowedToInvoke() {
    URI uri =
        engine
            .emulatorEndpoint()
            .resolve("/restapis/" + apiId + "/dev/_user_request_/admin/users/u1");
    assertEquals(
        "{\"message\":\"Missing Authentication Token\"}",
        deployer
            .send(apiId, "dev", "GET", "/admin/users/u1", Map.of("X-Forwarded-For", INSIDE))
            .body());
    iam.createUser(b -> b.userName("admin-tool"));
    iam.putUserPolicy(
        b ->
            b.userName("admin-tool")
                .policyName("invoke")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:"
                        + config.emulator().region()
                        + ":"
                        + config.emulator().accountId()
                        + ":"
                        + apiId
                        + "/dev/GET/admin/users/*\"}]}"));
    AccessKey key = iam.createAccessKey(b -> b.userName("admin-tool")).accessKey();
    HttpResponse<String> inside =
        SignedCalls.get(
            uri, key.accessKeyId(), key.secretAccessKey(), Map.of("X-Forwarded-For", INSIDE));
    assertEquals(200, inside.statusCode(), inside.body());
    HttpResponse<String> outside =
        SignedCalls.get(
            uri, key.accessKeyId(), key.secretAccessKey(), Map.of("X-Forwarded-For", OUTSIDE));
    assertEquals(403, outside.statusCode(), outside.body());
  }

  private HttpResponse<String> keyed(String key, String source) {
    return deployer.send(
        apiId, "dev", "GET", "/users/u1", Map.of("x-api-key", key, "X-Forwarded-For", source));
  }

  private ApiDeclaration declaration(UsersTable users) {
    AccessSpec access =
        new AccessSpec(
            Authorization.API_KEY,
            new AccessSpec.ResourcePolicy(null, List.of("10.9.0.0/16"), null),
            Map.of("admin-user", new AccessSpec.RouteAccess(Authorization.AWS_IAM, null)));
    return users.api(
        "consumed",
        new ApiSpec(null, null, null, null, null, null, access, null),
        List.of(
            new NamedRoute("user", users.getItem("/users/{userId}")),
            new NamedRoute("admin-user", users.getItem("/admin/users/{userId}"))),
        config);
  }
}
