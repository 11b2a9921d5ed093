package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionTest {

  static final ApiSpec SPEC =
      new ApiSpec(
          "prod",
          "Shop lookups",
          null,
          new ApiSpec.Cors(
              List.of("https://app.example.com"), List.of("Content-Type", "X-Customer"), 600),
          null,
          null);

  static List<ApiDeclaration.NamedRoute> routes() {
    return List.of(
        new ApiDeclaration.NamedRoute(
            "get-user", Fixtures.getItem("/users/{userId}", "users", Map.of())),
        new ApiDeclaration.NamedRoute(
            "get-order",
            Fixtures.getItem(
                "/orders",
                "orders",
                Map.of("customerId", "header.X-Customer", "createdAt", "query.at"))),
        new ApiDeclaration.NamedRoute(
            "customer-orders",
            Fixtures.query(
                "/customers/{customerId}/orders",
                "orders",
                null,
                Fixtures.sort(Condition.BETWEEN, "query.from", "query.to"))),
        new ApiDeclaration.NamedRoute(
            "orders-by-status",
            Fixtures.query("/status/{status}/orders", "orders", "byStatus", null)));
  }

  static Definition definition() {
    return ApiRenderer.render(Fixtures.api(SPEC, routes()));
  }

  @Test
  void wholeDefinitionMatchesGoldenFiles() throws Exception {
    Definition d = definition();
    // the definition is compact; its golden file is indented for review
    Golden.assertMatches(
        "definition/openapi.json",
        Run.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Run.json(d.openApi())) + "\n");
    Golden.assertMatches("definition/trust-policy.json", d.trustPolicy());
    Golden.assertMatches("definition/permission-policy.json", d.permissionPolicy());
    Golden.assertMatches("definition/hash.txt", d.hash() + "\n");
  }

  @Test
  void permissionPolicyIsExactlyWhatRoutesUse() {
    JsonNode policy = Run.json(definition().permissionPolicy());
    assertEquals(
        Run.json(
            """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"DynamodbGetItem","Effect":"Allow","Action":["dynamodb:GetItem"],
              "Resource":["arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                          "arn:aws:dynamodb:eu-west-1:123456789012:table/users"]},
             {"Sid":"DynamodbQuery","Effect":"Allow","Action":["dynamodb:Query"],
              "Resource":["arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                          "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/byStatus"]}]}"""),
        policy);
    assertFalse(definition().permissionPolicy().contains("*"));
  }

  @Test
  void trustPolicyIsApiGatewayOfThisAccount() {
    assertEquals(
        Run.json(
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole",
             "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"""),
        Run.json(definition().trustPolicy()));
  }

  @Test
  void integrationsCallDynamoDbDirectly() {
    JsonNode doc = Run.json(definition().openApi());
    assertEquals("3.0.1", doc.get("openapi").asText());
    JsonNode get = doc.get("paths").get("/users/{userId}").get("get");
    JsonNode integration = get.get("x-amazon-apigateway-integration");
    assertEquals("aws", integration.get("type").asText());
    assertEquals("POST", integration.get("httpMethod").asText());
    assertEquals(
        "arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem", integration.get("uri").asText());
    assertEquals(
        "arn:aws:iam::123456789012:role/dynagate-shop", integration.get("credentials").asText());
    assertEquals("never", integration.get("passthroughBehavior").asText());
    assertEquals("200", integration.get("responses").get("default").get("statusCode").asText());
    assertEquals("400", integration.get("responses").get("4\\d{2}").get("statusCode").asText());
    assertEquals("502", integration.get("responses").get("5\\d{2}").get("statusCode").asText());
    assertEquals(
        "arn:aws:apigateway:eu-west-1:dynamodb:action/Query",
        doc.get("paths")
            .get("/status/{status}/orders")
            .get("get")
            .get("x-amazon-apigateway-integration")
            .get("uri")
            .asText());
  }

  @Test
  void parametersAreDeclaredAndRequiredWhereKeysComeFrom() {
    JsonNode doc = Run.json(definition().openApi());
    JsonNode order = doc.get("paths").get("/orders").get("get").get("parameters");
    assertEquals(
        Run.json(
            """
            [{"in":"header","name":"X-Customer","required":true,"schema":{"type":"string"}},
             {"in":"query","name":"at","required":true,"schema":{"type":"string"}}]"""),
        order);
    JsonNode query =
        doc.get("paths").get("/customers/{customerId}/orders").get("get").get("parameters");
    List<String> names = new ArrayList<>();
    query.forEach(
        p ->
            names.add(
                p.get("in").asText()
                    + ":"
                    + p.get("name").asText()
                    + ":"
                    + p.path("required").asBoolean()));
    assertEquals(
        List.of(
            "path:customerId:true",
            "query:from:true",
            "query:to:true",
            "query:limit:false",
            "query:order:false",
            "query:cursor:false"),
        names);
  }

  @Test
  void corsAddsAnOptionsMockAndTheOriginHeaderSetByEveryTemplate() {
    JsonNode paths = Run.json(definition().openApi()).get("paths");
    JsonNode options = paths.get("/users/{userId}").get("options");
    JsonNode integration = options.get("x-amazon-apigateway-integration");
    assertEquals("mock", integration.get("type").asText());
    VtlInput noOrigin = new VtlInput("{}", Map.of(), Map.of(), Map.of());
    assertEquals(
        Map.of(
            "Access-Control-Allow-Origin", "https://app.example.com",
            "Access-Control-Allow-Methods", "GET,OPTIONS",
            "Access-Control-Allow-Headers", "Content-Type,X-Customer",
            "Access-Control-Max-Age", "600"),
        Run.render(template(integration.get("responses").get("default")), noOrigin).headers());
    // set by the templates, declared nowhere: AWS sends an overridden header all the same
    assertTrue(options.get("responses").get("200").path("headers").isMissingNode());
    JsonNode get = paths.get("/users/{userId}").get("get");
    get.get("responses").forEach(r -> assertTrue(r.path("headers").isMissingNode()));
    JsonNode getResponses = get.get("x-amazon-apigateway-integration").get("responses");
    assertEquals(3, getResponses.size());
    getResponses.forEach(
        r -> {
          assertTrue(r.path("responseParameters").isMissingNode());
          assertEquals(
              "https://app.example.com",
              Run.render(template(r), noOrigin).headers().get("Access-Control-Allow-Origin"));
        });
  }

  private static String template(JsonNode integrationResponse) {
    return integrationResponse.get("responseTemplates").get("application/json").asText();
  }

  @Test
  void severalOriginsAreMatchedAgainstTheRequestOrigin() {
    ApiSpec spec =
        new ApiSpec(
            null,
            null,
            null,
            new ApiSpec.Cors(List.of("https://a.example.com", "http://localhost:3000"), null, null),
            null,
            null);
    RouteSpec route = Fixtures.getItem("/users/{userId}", "users", Map.of());
    JsonNode integration =
        Run.json(
                ApiRenderer.render(
                        Fixtures.api(spec, List.of(new ApiDeclaration.NamedRoute("u", route))))
                    .openApi())
            .get("paths")
            .get("/users/{userId}")
            .get("get")
            .get("x-amazon-apigateway-integration");
    String template =
        integration
            .get("responses")
            .get("default")
            .get("responseTemplates")
            .get("application/json")
            .asText();
    for (String origin :
        List.of("https://a.example.com", "http://localhost:3000", "https://evil.example")) {
      io.dynagate.emulator.vtl.Rendered out =
          Run.render(
              template,
              new io.dynagate.emulator.vtl.VtlInput(
                  "{\"Item\":{\"userId\":{\"S\":\"u1\"}}}",
                  Map.of(),
                  Map.of(),
                  Map.of("origin", origin)));
      Map<String, String> expected =
          origin.contains("evil") ? Map.of() : Map.of("Access-Control-Allow-Origin", origin);
      assertEquals(expected, out.headers(), origin);
      assertEquals(Run.json("{\"userId\":\"u1\"}"), Run.json(out.body()));
    }
  }

  @Test
  void renderingIsDeterministicAndTheHashFollowsContent() {
    List<ApiDeclaration.NamedRoute> shuffled = new ArrayList<>(routes());
    Collections.reverse(shuffled);
    Definition again = ApiRenderer.render(Fixtures.api(SPEC, shuffled));
    assertEquals(definition(), again);
    List<ApiDeclaration.NamedRoute> changed = new ArrayList<>(routes());
    RouteSpec user = Fixtures.getItem("/users/{userId}", "users", Map.of());
    changed.set(
        0,
        new ApiDeclaration.NamedRoute(
            "get-user",
            new RouteSpec(
                "GET",
                user.path(),
                "users",
                user.action(),
                Map.of(),
                null,
                null,
                true,
                null,
                null,
                null)));
    assertNotEquals(definition().hash(), ApiRenderer.render(Fixtures.api(SPEC, changed)).hash());
  }

  @Test
  void twoRoutesOnOneMethodAndPathAreRefused() {
    List<ApiDeclaration.NamedRoute> twice = new ArrayList<>(routes());
    twice.add(
        new ApiDeclaration.NamedRoute(
            "again", Fixtures.getItem("/users/{userId}", "users", Map.of())));
    assertThrows(
        IllegalArgumentException.class, () -> ApiRenderer.render(Fixtures.api(SPEC, twice)));
  }

  @Test
  void chinaRegionsUseTheirPartition() {
    ApiDeclaration api =
        new ApiDeclaration(
            "shop",
            SPEC,
            routes(),
            Fixtures.api(SPEC, routes()).tables(),
            "cn-north-1",
            "123456789012",
            "r");
    String openApi = ApiRenderer.render(api).openApi();
    assertFalse(openApi.contains("arn:aws:"), openApi);
  }
}
