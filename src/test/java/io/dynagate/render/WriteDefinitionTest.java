package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What write routes add to the OpenAPI definition: models, validators, statuses, preflight. */
class WriteDefinitionTest {

  private static JsonNode openApi(List<ApiDeclaration.NamedRoute> routes) {
    ApiSpec spec =
        new ApiSpec(
            null,
            null,
            null,
            new ApiSpec.Cors(List.of("https://a.example.com"), null, null),
            null,
            null);
    return Run.json(ApiRenderer.render(Fixtures.api(spec, routes)).openApi());
  }

  @Test
  void aBodyRouteHasItsModelAndTheBodyValidatorAndThePreflightAllowsItsMethod() {
    JsonNode doc =
        openApi(
            List.of(
                new ApiDeclaration.NamedRoute(
                    "get-user", Fixtures.getItem("/users/{userId}", "users", Map.of())),
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
                        null)),
                new ApiDeclaration.NamedRoute(
                    "delete-user",
                    RouteSpec.write(
                        "DELETE",
                        "/users/{userId}",
                        "users",
                        Action.DeleteItem,
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null))));
    JsonNode path = doc.at("/paths/~1users~1{userId}");
    assertEquals(
        "#/components/schemas/PutUserBody",
        path.at("/put/requestBody/content/application~1json/schema/$ref").asText());
    assertEquals("body-and-params", path.at("/put/x-amazon-apigateway-request-validator").asText());
    // a method that names no validator has the API's
    assertTrue(path.at("/delete/x-amazon-apigateway-request-validator").isMissingNode());
    assertEquals("params", doc.at("/x-amazon-apigateway-request-validator").asText());
    assertTrue(path.at("/delete/requestBody").isMissingNode());
    assertTrue(doc.at("/components/schemas/PutUserBody").isObject());
    assertTrue(doc.at("/components/schemas/AnyValue0").isObject());
    // each method declares the statuses its templates can answer
    assertTrue(path.at("/put/responses/413").isObject());
    assertTrue(path.at("/put/responses/404").isObject());
    assertTrue(path.at("/put/responses/201").isMissingNode());
    assertTrue(path.at("/delete/responses/204").isObject());
    assertTrue(path.at("/delete/responses/201").isMissingNode());
    assertTrue(path.at("/get/responses/413").isMissingNode());
    String preflight =
        path.at("/options/x-amazon-apigateway-integration/responses/default/responseTemplates")
            .path("application/json")
            .asText();
    assertEquals(
        "DELETE,GET,PUT,OPTIONS",
        Run.render(preflight, new VtlInput(null, Map.of(), Map.of(), Map.of()))
            .headers()
            .get("Access-Control-Allow-Methods"));
  }

  @Test
  void aReadOnlyApiHasNoModelsAndOnlyTheParameterValidator() {
    JsonNode doc =
        openApi(
            List.of(
                new ApiDeclaration.NamedRoute(
                    "get-user", Fixtures.getItem("/users/{userId}", "users", Map.of()))));
    assertTrue(doc.at("/components").isMissingNode());
    assertEquals(1, doc.get("x-amazon-apigateway-request-validators").size());
    assertFalse(doc.toString().contains("requestBody"));
  }
}
