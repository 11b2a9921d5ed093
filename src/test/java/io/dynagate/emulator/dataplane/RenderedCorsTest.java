package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * An API with several CORS origins, rendered, imported with {@code failOnWarnings} and deployed on
 * the emulator, then called as a browser would: the allow-origin header comes from the templates'
 * {@code responseOverride} alone (no method response declares it), for the allowed origins only, on
 * answers, errors and preflights alike.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class RenderedCorsTest {

  private static final String ORIGIN = "Access-Control-Allow-Origin";
  private static final String APP = "https://app.example.com";
  private static final String LOCAL = "http://localhost:3000";

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject DynamoDbClient dynamo;
  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;

  private static UsersTable users;
  private static Deployer deployer;
  private static String apiId;
  private static String oneOriginApiId;

  @BeforeEach
  void setUp() {
    if (apiId != null) {
      return;
    }
    users =
        new UsersTable("cors_users")
            .create(
                dynamo,
                List.of(
                    Map.of(
                        "userId",
                        AttributeValue.fromS("u1"),
                        "name",
                        AttributeValue.fromS("Ada"))));
    deployer = new Deployer(apiGateway, iam, engine.emulatorEndpoint());
    apiId = deploy(new ApiSpec.Cors(List.of(APP, LOCAL), null, null));
    oneOriginApiId =
        deploy(new ApiSpec.Cors(List.of(APP), List.of("Content-Type", "X-Trace"), 600));
  }

  private String deploy(ApiSpec.Cors cors) {
    Definition definition =
        ApiRenderer.render(
            users.api(
                "cors",
                new ApiSpec(null, null, null, cors, null, null),
                List.of(new NamedRoute("user", users.getItem("/users/{userId}"))),
                config));
    if (apiId == null) {
      deployer.role(definition.roleName(), definition.trustPolicy(), definition.permissionPolicy());
    }
    String id = apiGateway.createRestApi(b -> b.name("cors")).id();
    apiGateway.putRestApi(
        b ->
            b.restApiId(id)
                .mode(PutMode.OVERWRITE)
                .failOnWarnings(true)
                .body(SdkBytes.fromUtf8String(definition.openApi())));
    deployer.deploy(id, "dev");
    return id;
  }

  @Test
  void anAllowedOriginIsEchoedWhateverCaseItsHeaderNameHas() {
    HttpResponse<String> app = get("/users/u1", Map.of("Origin", APP));
    assertEquals(200, app.statusCode(), app.body());
    assertEquals(Optional.of(APP), app.headers().firstValue(ORIGIN));
    assertEquals("{\"userId\":\"u1\",\"name\":\"Ada\"}", app.body().strip());
    HttpResponse<String> local = get("/users/u1", Map.of("origin", LOCAL));
    assertEquals(Optional.of(LOCAL), local.headers().firstValue(ORIGIN));
  }

  @Test
  void anotherOriginOrNoneGetsTheAnswerWithoutTheHeader() {
    for (Map<String, String> headers :
        List.of(
            Map.of("Origin", "https://evil.example"),
            // a prefix or an extension of an allowed origin is another origin
            Map.of("Origin", APP + ".evil.example"),
            Map.of("Origin", "https://app.example"),
            // an origin is data to the template, never template text
            Map.of("Origin", "#set($o='" + APP + "')$o"),
            Map.of("Origin", APP + "\",\"x\":\""),
            Map.<String, String>of())) {
      HttpResponse<String> answer = get("/users/u1", headers);
      assertEquals(200, answer.statusCode(), headers.toString());
      assertTrue(answer.headers().firstValue(ORIGIN).isEmpty(), headers.toString());
    }
  }

  @Test
  void errorsCarryTheHeaderTooSoThatTheBrowserShowsThem() {
    HttpResponse<String> missing = get("/users/nobody", Map.of("Origin", APP));
    assertEquals(404, missing.statusCode());
    assertEquals(Optional.of(APP), missing.headers().firstValue(ORIGIN));
  }

  @Test
  void thePreflightAnswersTheAllowedOriginAndMethods() {
    HttpResponse<String> preflight =
        deployer.send(
            apiId,
            "dev",
            "OPTIONS",
            "/users/u1",
            Map.of("Origin", LOCAL, "Access-Control-Request-Method", "GET"));
    assertEquals(200, preflight.statusCode());
    assertEquals(Optional.of(LOCAL), preflight.headers().firstValue(ORIGIN));
    assertEquals(
        Optional.of("GET,OPTIONS"), preflight.headers().firstValue("Access-Control-Allow-Methods"));
    HttpResponse<String> evil =
        deployer.send(
            apiId, "dev", "OPTIONS", "/users/u1", Map.of("Origin", "https://evil.example"));
    assertTrue(evil.headers().firstValue(ORIGIN).isEmpty());
  }

  @Test
  void oneOriginIsSentToEveryCallerWithThePreflightsOtherHeaders() {
    HttpResponse<String> anyone =
        deployer.send(oneOriginApiId, "dev", "GET", "/users/u1", Map.of());
    assertEquals(200, anyone.statusCode(), anyone.body());
    assertEquals(Optional.of(APP), anyone.headers().firstValue(ORIGIN));
    HttpResponse<String> missing =
        deployer.send(oneOriginApiId, "dev", "GET", "/users/nobody", Map.of("Origin", APP));
    assertEquals(404, missing.statusCode());
    assertEquals(Optional.of(APP), missing.headers().firstValue(ORIGIN));
    HttpResponse<String> preflight =
        deployer.send(oneOriginApiId, "dev", "OPTIONS", "/users/u1", Map.of("Origin", APP));
    assertEquals(200, preflight.statusCode());
    assertEquals(Optional.of(APP), preflight.headers().firstValue(ORIGIN));
    assertEquals(
        Optional.of("Content-Type,X-Trace"),
        preflight.headers().firstValue("Access-Control-Allow-Headers"));
    assertEquals(Optional.of("600"), preflight.headers().firstValue("Access-Control-Max-Age"));
  }

  @Test
  void noMethodResponseDeclaresTheHeaderTheTemplatesSet() {
    Resource resource =
        apiGateway.getResources(b -> b.restApiId(apiId).embed("methods")).items().stream()
            .filter(r -> r.path().equals("/users/{userId}"))
            .findFirst()
            .orElseThrow();
    for (Method method : resource.resourceMethods().values()) {
      method
          .methodResponses()
          .values()
          .forEach(
              response ->
                  assertFalse(
                      response.responseParameters().containsKey("method.response.header." + ORIGIN),
                      method.httpMethod() + " " + response.statusCode()));
    }
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) {
    return deployer.send(apiId, "dev", "GET", path, headers);
  }
}
