package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.declaration.AccessSpec.ResourcePolicy;
import io.dynagate.declaration.AccessSpec.RouteAccess;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The access block rendered: security requirements per method, security schemes, and the resource
 * policy, each against a golden file; every policy names only this API's method ARNs and only
 * {@code execute-api:Invoke}.
 */
class AccessRenderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final Map<String, AccessSpec> CASES =
      Map.of(
          "api-key",
          new AccessSpec(Authorization.API_KEY, null, Map.of()),
          "iam-with-open-route",
          new AccessSpec(
              Authorization.AWS_IAM,
              null,
              Map.of(
                  "order", new RouteAccess(Authorization.NONE, new ApiSpec.Throttling(5.0, 10)))),
          "policy-principals-and-sources",
          new AccessSpec(
              Authorization.AWS_IAM,
              new ResourcePolicy(
                  List.of("210987654321", "arn:aws:iam::210987654321:role/reader", "o-abcdef1234"),
                  List.of("10.0.0.0/8", "192.0.2.7"),
                  List.of("vpce-0123456789abcdef0")),
              Map.of()),
          "policy-sources-only",
          new AccessSpec(
              Authorization.NONE, new ResourcePolicy(null, List.of("203.0.113.0/24"), null), null));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api-key",
        "iam-with-open-route",
        "policy-principals-and-sources",
        "policy-sources-only"
      })
  void theDocumentMatchesItsGoldenFile(String name) throws Exception {
    Definition definition = ApiRenderer.render(declaration(CASES.get(name)));
    Golden.assertMatches("access/" + name + ".json", pretty(definition.openApi()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"policy-principals-and-sources", "policy-sources-only"})
  void everyPolicyNamesOnlyThisApisMethodsAndInvoke(String name) throws Exception {
    ApiDeclaration api = declaration(CASES.get(name));
    JsonNode policy =
        JSON.readTree(ApiRenderer.render(api).openApi()).path("x-amazon-apigateway-policy");
    Set<String> methods = Set.copyOf(ResourcePolicies.methodArns(api));
    assertEquals(
        Set.of("execute-api:/dev/GET/users/*", "execute-api:/dev/GET/customers/*/orders"), methods);
    assertFalse(policy.path("Statement").isEmpty());
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("execute-api:Invoke", statement.path("Action").asText());
      assertFalse(statement.has("NotResource") || statement.has("NotAction"));
      for (JsonNode resource : statement.path("Resource")) {
        assertTrue(methods.contains(resource.asText()), resource.asText());
      }
    }
  }

  @Test
  void anOpenApiHasNoSecurityNorPolicy() throws Exception {
    JsonNode doc = JSON.readTree(ApiRenderer.render(declaration(null)).openApi());
    assertNull(doc.get("components"));
    assertNull(doc.get("x-amazon-apigateway-policy"));
    assertFalse(doc.toString().contains("\"security\""));
  }

  @Test
  void anApiWithWriteRoutesKeepsItsSecuritySchemesBesideItsBodyModels() {
    // both live under components: writing one must not drop the other, or every method of an
    // API with a write route would be open to callers without a key
    ApiSpec spec = new ApiSpec(null, null, null, null, null, null, CASES.get("api-key"), null);
    ApiDeclaration api =
        Fixtures.api(
            spec,
            List.of(
                new ApiDeclaration.NamedRoute(
                    "user", Fixtures.getItem("/users/{userId}", "users", Map.of())),
                new ApiDeclaration.NamedRoute(
                    "put-user",
                    RouteSpec.write(
                        "PUT",
                        "/users/{userId}",
                        "users",
                        Action.PutItem,
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null))));
    JsonNode doc = Run.json(ApiRenderer.render(api).openApi());
    JsonNode components = doc.path("components");
    assertTrue(components.path("securitySchemes").has("api_key"), components.toString());
    assertTrue(components.path("schemas").has("PutUserBody"), components.toString());
    for (String verb : List.of("get", "put")) {
      assertEquals(
          "[{\"api_key\":[]}]",
          doc.path("paths").path("/users/{userId}").path(verb).path("security").toString(),
          verb);
    }
  }

  @Test
  void aRoutesThrottlingIsAStageMethodSettingBesideTheStages() {
    assertEquals(
        Map.of("/~1customers~1{customerId}~1orders/GET", new ApiSpec.Throttling(5.0, 10)),
        MethodThrottles.of(declaration(CASES.get("iam-with-open-route"))));
    assertEquals(Map.of(), MethodThrottles.of(declaration(null)));
  }

  @Test
  void aPolicyOverTheQuotaIsRefusedNamingIt() {
    List<String> principals = new ArrayList<>();
    IntStream.range(0, 200)
        .forEach(i -> principals.add("arn:aws:iam::210987654321:role/" + "r".repeat(40) + i));
    AccessSpec access =
        new AccessSpec(Authorization.AWS_IAM, new ResourcePolicy(principals, null, null), null);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ApiRenderer.render(declaration(access)));
    assertTrue(refused.getMessage().contains("8192"), refused.getMessage());
  }

  static ApiDeclaration declaration(AccessSpec access) {
    ApiSpec spec = new ApiSpec(null, null, null, null, null, null, access, null);
    return Fixtures.api(
        spec,
        List.of(
            new ApiDeclaration.NamedRoute(
                "user", Fixtures.getItem("/users/{userId}", "users", Map.of())),
            new ApiDeclaration.NamedRoute(
                "order", Fixtures.query("/customers/{customerId}/orders", "orders", null, null))));
  }

  private static String pretty(String json) throws Exception {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json)) + "\n";
  }
}
