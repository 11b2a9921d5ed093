package io.dynagate.preflight;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.reconcile.DesiredStates;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiRenderer;
import io.dynagate.render.Definition;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Routes that require an API key or a signature: preflight checks that a caller without one is
 * refused and that one with the credentials the shadow made for the run gets the route's answer; an
 * open route of the same API gets every probe. The shadow's credentials never reach the target.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class AccessPreflightTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MUTATING =
      Pattern.compile("[a-z]+:(Create|Put|Delete|Update|Import|Tag|Untag).*");
  private static final List<String> CLOSED =
      List.of("refused without credentials", "allowed with credentials");

  @Inject EmbeddedEngine engine;
  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject DesiredStates desiredStates;
  @Inject Registry registry;
  @Inject PreflightRunner runner;

  private static void declareAccess(String api, String access) {
    given()
        .body("{\"stage\":\"dev\",\"access\":" + access + "}")
        .put("/api/v1/apis/" + api)
        .then()
        .statusCode(PreflightTest.oneOf());
  }

  private static void route(String api, String name, String body) {
    given()
        .body(body)
        .put("/api/v1/apis/" + api + "/routes/" + name)
        .then()
        .statusCode(PreflightTest.oneOf());
  }

  /** The target's changing calls: its DynamoDB, which serves the registry, aside. */
  private Map<String, Long> targetChanges() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(engine.emulatorEndpoint() + "/_emulator/calls"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, Long> control = new TreeMap<>();
    new ObjectMapper()
        .readValue(answer.body(), new TypeReference<Map<String, Long>>() {})
        .forEach(
            (operation, count) -> {
              if (!operation.startsWith("dynamodb:") && MUTATING.matcher(operation).matches()) {
                control.put(operation, count);
              }
            });
    return control;
  }

  @Test
  void aClosedRouteIsRefusedWithoutCredentialsAndAllowedWithThem() throws Exception {
    PreflightTest.declare("pf-access", Map.of());
    declareAccess(
        "pf-access",
        "{\"authorization\":\"API_KEY\",\"routes\":{\"open\":{\"authorization\":\"NONE\"},"
            + "\"signed\":{\"authorization\":\"AWS_IAM\"}}}");
    for (String route : List.of("keyed", "open", "signed")) {
      route(
          "pf-access",
          route,
          "{\"method\":\"GET\",\"path\":\"/" + route + "/{userId}\",\"table\":\"pf-users\"}");
    }
    route(
        "pf-access",
        "keyed-orders",
        "{\"method\":\"GET\",\"path\":\"/customers/{customer}/orders\",\"table\":\"pf-orders\","
            + "\"action\":\"Query\",\"sortKey\":{\"condition\":\"GE\",\"value\":\"query.from\"}}");
    // converged first (the pass proves the definition too), so that only preflight runs below
    given()
        .post("/api/v1/apis/pf-access/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", org.hamcrest.Matchers.equalTo("Ready"));
    Map<String, Long> before = targetChanges();

    String text =
        given()
            .post("/api/v1/apis/pf-access/preflight?force=true")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath report = new JsonPath(text);

    assertEquals(before, targetChanges(), "preflight changes nothing on the target");
    assertTrue(report.getBoolean("passed"), () -> report.get("routes").toString());
    for (String closed : List.of("keyed", "signed", "keyed-orders")) {
      assertEquals(
          CLOSED,
          report.getList("routes.find { it.route == '" + closed + "' }.probes.probe"),
          closed);
    }
    assertEquals(
        List.of("found item", "missing item", "hostile keys", "no permission"),
        report.getList("routes.find { it.route == 'open' }.probes.probe"));
    assertEquals(403, report.getInt("routes.find { it.route == 'keyed' }.probes[0].answer.status"));
    assertEquals(200, report.getInt("routes.find { it.route == 'keyed' }.probes[1].answer.status"));
    assertEquals(
        200, report.getInt("routes.find { it.route == 'signed' }.probes[1].answer.status"));
    // the credentials are added when a probe sends its request, never kept in the report
    assertFalse(text.contains("x-api-key") || text.contains("AWS4-HMAC-SHA256"), text);
    // nor made on the target
    assertTrue(
        apiGateway.getApiKeys(b -> b.limit(500)).items().stream()
            .noneMatch(k -> k.name().startsWith("preflight-")));
    assertTrue(
        apiGateway.getUsagePlans(b -> b.limit(500)).items().stream()
            .noneMatch(p -> p.name().startsWith("preflight-")));
    assertTrue(
        iam.listUsers().users().stream().noneMatch(u -> u.userName().startsWith("preflight-")));
  }

  /**
   * A signed write: the signature covers the body. The generated definition of an API with a write
   * route names its security schemes without declaring them (render drops {@code securitySchemes}
   * when it adds the models, so the routes would be open: preflight's refused probe blocks that);
   * the test declares them, as a definition that keeps both would.
   */
  @Test
  void aSignedWriteIsAllowedWithItsSignature() throws Exception {
    PreflightTest.declare("pf-access-writes", Map.of());
    declareAccess("pf-access-writes", "{\"authorization\":\"AWS_IAM\"}");
    route(
        "pf-access-writes",
        "put-user",
        "{\"method\":\"PUT\",\"path\":\"/users/{userId}\",\"table\":\"pf-users\","
            + "\"action\":\"PutItem\",\"mode\":\"upsert\"}");
    ApiDeclaration declaration =
        desiredStates.declaration(registry.get(Ref.api("pf-access-writes")).orElseThrow());
    Definition generated = ApiRenderer.render(declaration);
    ObjectNode openApi = (ObjectNode) JSON.readTree(generated.openApi());
    openApi
        .withObject("/components/securitySchemes")
        .putIfAbsent(
            "sigv4",
            JSON.readTree(
                "{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\","
                    + "\"x-amazon-apigateway-authtype\":\"awsSigv4\"}"));
    Definition declared =
        new Definition(
            openApi.toString(),
            generated.trustPolicy(),
            generated.permissionPolicy(),
            generated.roleName(),
            generated.hash() + "-schemes");

    PreflightReport report =
        runner.run(new Subject(declaration, declared, "dev", desiredStates.policyName()));

    assertTrue(report.passed(), report::summary);
    PreflightReport.RouteResult put = report.routes().get(0);
    assertEquals(CLOSED, put.probes().stream().map(PreflightReport.ProbeResult::probe).toList());
    PreflightReport.ProbeResult allowed = put.probes().get(1);
    assertEquals(201, allowed.answer().status(), allowed.toString());
    assertTrue(allowed.request().body().contains("\"name\""), allowed.toString());
  }

  /** A template that leaves the key out of its answer is caught behind a key and a signature. */
  @Test
  void aBrokenTemplateBehindCredentialsIsStillBlocked() throws Exception {
    String keyless =
        new ObjectMapper()
            .writeValueAsString(
                CustomTemplatePreflightTest.SOUND.replace(
                    "\"id\":\"$util.escapeJavaScript($item.userId.S).replaceAll(\"\\\\'\",\"'\")\",",
                    ""));
    PreflightTest.declare("pf-access-broken", Map.of());
    declareAccess(
        "pf-access-broken",
        "{\"authorization\":\"API_KEY\",\"routes\":{\"signed\":{\"authorization\":\"AWS_IAM\"}}}");
    for (String route : List.of("keyed", "signed")) {
      route(
          "pf-access-broken",
          route,
          "{\"method\":\"GET\",\"path\":\"/"
              + route
              + "/{userId}\",\"table\":\"pf-users\",\"responseTemplate\":"
              + keyless
              + "}");
    }

    JsonPath report = PreflightTest.preflight("pf-access-broken");

    assertFalse(report.getBoolean("passed"));
    assertEquals(
        "with an API key: the answer does not hold the key userId = \"pf-userId-0\"",
        report.getString(
            "routes.find { it.route == 'keyed' }.probes"
                + ".find { it.probe == 'allowed with credentials' }.reason"));
    assertEquals(
        "signed (SigV4): the answer does not hold the key userId = \"pf-userId-0\"",
        report.getString(
            "routes.find { it.route == 'signed' }.probes"
                + ".find { it.probe == 'allowed with credentials' }.reason"));
    assertEquals(
        true,
        report.getBoolean(
            "routes.find { it.route == 'signed' }.probes"
                + ".find { it.probe == 'refused without credentials' }.passed"));
  }
}
