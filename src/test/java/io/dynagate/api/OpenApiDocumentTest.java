package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The management API's document as a client generator or Swagger UI reads it. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class OpenApiDocumentTest {

  private OpenAPI document;

  @BeforeEach
  void parse() {
    String text = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertEquals(List.of(), result.getMessages(), "the document is not valid OpenAPI");
    document = result.getOpenAPI();
    assertNotNull(document);
  }

  @Test
  void everyCallRequiresTheBearerScheme() {
    SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
    assertNotNull(bearer, "no bearer scheme: Swagger UI shows no Authorize button");
    assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
    assertEquals("bearer", bearer.getScheme());
    assertTrue(document.getSecurity().stream().anyMatch(r -> r.containsKey("bearer")));
  }

  // An operation naming a scheme the document does not declare leaves Swagger UI without a token.
  @Test
  void operationsNameOnlyDeclaredSchemes() {
    var declared = document.getComponents().getSecuritySchemes().keySet();
    List<String> undeclared = new ArrayList<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getSecurity() != null) {
                            operation.getSecurity().stream()
                                .flatMap(requirement -> requirement.keySet().stream())
                                .filter(scheme -> !declared.contains(scheme))
                                .forEach(
                                    scheme -> undeclared.add(method + " " + path + ": " + scheme));
                          }
                        }));
    assertEquals(List.of(), undeclared);
  }

  @Test
  void theAdminUiIsNotPartOfTheApi() {
    assertFalse(
        document.getPaths().keySet().stream().anyMatch(p -> p.startsWith("/ui")),
        () -> "ui paths listed: " + document.getPaths().keySet());
  }

  @Test
  void everyBodyIsTyped() {
    List<String> untyped = new ArrayList<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            untypedBodies(method + " " + path, operation, untyped)));
    assertEquals(List.of(), untyped);
  }

  @Test
  void declarationsNameTheirSpecsAndListsTheirEnvelope() {
    Map<String, Schema> schemas = document.getComponents().getSchemas();
    assertEquals(
        "#/components/schemas/TableSpec", property(schemas.get("Table"), "spec").get$ref());
    assertEquals(
        "#/components/schemas/RouteSpec", property(schemas.get("Route"), "spec").get$ref());
    assertTrue(schemas.get("TableSpec").getProperties().containsKey("KeySchema"));
    for (String list : List.of("TableList", "ApiList", "RouteList")) {
      assertEquals(
          List.of("items", "nextCursor"),
          List.copyOf(schemas.get(list).getProperties().keySet()),
          list);
    }
    Content problem =
        document
            .getPaths()
            .get("/api/v1/tables/{name}")
            .getPut()
            .getResponses()
            .get("400")
            .getContent();
    assertEquals(
        "#/components/schemas/Problem", problem.get(Problem.MEDIA_TYPE).getSchema().get$ref());
  }

  @Test
  void aBadLimitIsTheCallersMistakeNotAMissingPage() {
    for (String limit : List.of("abc", "-1", "0", "501", "1e3")) {
      given()
          .get("/api/v1/tables?limit=" + limit)
          .then()
          .statusCode(400)
          .contentType(Problem.MEDIA_TYPE)
          .body("errors[0].field", equalTo("limit"));
    }
    given().get("/api/v1/tables?limit=5").then().statusCode(200);
  }

  @Test
  void eventsAnswerTheListEnvelope() {
    given().body("{}").put("/api/v1/apis/doc-events").then().statusCode(201);
    given()
        .get("/api/v1/apis/doc-events/events?limit=abc")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given()
        .get("/api/v1/apis/doc-events/events")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.notNullValue());
    given()
        .get("/api/v1/teams")
        .then()
        .statusCode(200)
        .body("$", org.hamcrest.Matchers.hasKey("items"));
  }

  private static Schema<?> property(Schema<?> schema, String name) {
    return schema.getProperties().get(name);
  }

  private static void untypedBodies(String name, Operation operation, List<String> untyped) {
    if (operation.getRequestBody() != null) {
      operation
          .getRequestBody()
          .getContent()
          .forEach(
              (type, media) -> {
                if (type.equals("application/json") && !typed(media.getSchema())) {
                  untyped.add(name + " request");
                }
              });
    }
    operation
        .getResponses()
        .forEach(
            (status, response) -> {
              if (response.getContent() != null) {
                response
                    .getContent()
                    .forEach(
                        (type, media) -> {
                          if (!typed(media.getSchema())) {
                            untyped.add(name + " " + status + " " + type);
                          }
                        });
              }
            });
  }

  /** A body described by a named schema, or by an object or array of them: not a bare string. */
  private static boolean typed(Schema<?> schema) {
    return schema != null
        && (schema.get$ref() != null
            || "object".equals(schema.getType())
            || "array".equals(schema.getType()));
  }
}
