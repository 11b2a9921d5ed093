package io.dynagate.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the management API's OpenAPI document ({@code /q/openapi}, registered by {@code
 * mp.openapi.filter}): every call needs a bearer token, so the document declares the scheme once
 * and requires it everywhere (Swagger UI then offers "Authorize"); every call can fail with a
 * problem document; the admin UI's pages are not part of the API.
 */
public class ManagementApiDocument implements OASFilter {

  static final String BEARER = "bearer";
  static final String PROBLEM = "Problem";

  private static final Map<String, String> FAILURES =
      Map.of(
          "400", "Invalid input: the problem's errors name each field",
          "401", "No token, or one that is not valid",
          "403", "The token's team may not do this",
          "404", "No such declaration");

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getPaths() != null) {
      document.getPaths().getPathItems().keySet().stream()
          .filter(path -> path.equals("/ui") || path.startsWith("/ui/"))
          .toList()
          .forEach(document.getPaths()::removePathItem);
    }
    if (document.getComponents() == null) {
      document.components(OASFactory.createComponents());
    }
    document
        .getComponents()
        .addSecurityScheme(
            BEARER,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description(
                    "An admin token (DYNAGATE_ADMIN_TOKEN, or DATA_DIR/admin-token in embedded"
                        + " mode) or a team token from POST /api/v1/teams/{team}/tokens"));
    document.getComponents().addSchema(PROBLEM, problemSchema());
    document.security(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
    if (document.getPaths() != null) {
      document.getPaths().getPathItems().values().stream()
          .map(PathItem::getOperations)
          .flatMap(operations -> operations.values().stream())
          .forEach(ManagementApiDocument::addFailures);
    }
  }

  private static void addFailures(Operation operation) {
    if (operation.getResponses() == null) {
      operation.responses(OASFactory.createAPIResponses());
    }
    FAILURES.forEach(
        (status, description) -> {
          APIResponse present = operation.getResponses().getAPIResponse(status);
          if (present == null) {
            operation.getResponses().addAPIResponse(status, problemResponse(description));
          } else if (present.getContent() == null) {
            // Answers the scanner adds on its own (e.g. 400 for parameters) carry no body shape.
            present.content(problemResponse(description).getContent());
          }
        });
  }

  private static APIResponse problemResponse(String description) {
    return OASFactory.createAPIResponse()
        .description(description)
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema problemSchema() {
    Schema violation =
        OASFactory.createSchema()
            .type(List.of(Schema.SchemaType.OBJECT))
            .addProperty("field", string("JSON path of the field, e.g. spec.KeySchema[0]"))
            .addProperty("message", string("what is wrong with it"));
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.OBJECT))
        .description("RFC 9457 problem details (application/problem+json)")
        .required(List.of("type", "title", "status"))
        .addProperty("type", string("a URI naming the kind of problem"))
        .addProperty("title", string("a short summary"))
        .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
        .addProperty("detail", string("what went wrong, for a person"))
        .addProperty(
            "errors",
            OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(violation));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.STRING))
        .description(description);
  }
}
