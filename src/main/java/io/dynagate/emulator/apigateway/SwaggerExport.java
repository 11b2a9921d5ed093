package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * GetExport's {@code swagger} type: the OpenAPI 3 export rewritten as Swagger 2.0, as API Gateway
 * writes it: {@code host}, {@code basePath} and {@code schemes} instead of {@code servers}, {@code
 * definitions} instead of {@code components.schemas}, a parameter's type on the parameter, a
 * response's schema beside the media types the operation {@code produces}.
 */
final class SwaggerExport {

  private SwaggerExport() {}

  static ObjectNode from(ObjectNode oas3) {
    ObjectNode root = ApiGatewayJson.MAPPER.createObjectNode().put("swagger", "2.0");
    root.set("info", oas3.path("info"));
    JsonNode server = oas3.path("servers").path(0);
    String url =
        server
            .path("url")
            .asText("")
            .replace(
                "{basePath}", server.path("variables").path("basePath").path("default").asText(""));
    URI address = URI.create(url);
    root.put("host", address.getHost());
    root.put("basePath", address.getPath().isEmpty() ? "/" : address.getPath());
    root.putArray("schemes").add("https");
    ObjectNode paths = root.putObject("paths");
    oas3.path("paths")
        .fields()
        .forEachRemaining(path -> paths.set(path.getKey(), pathItem(path.getValue())));
    if (oas3.path("components").has("schemas")) {
      root.set("definitions", oas3.path("components").path("schemas"));
    }
    return root;
  }

  private static ObjectNode pathItem(JsonNode item) {
    ObjectNode out = ApiGatewayJson.MAPPER.createObjectNode();
    item.fields()
        .forEachRemaining(op -> out.set(op.getKey(), operation((ObjectNode) op.getValue())));
    return out;
  }

  private static ObjectNode operation(ObjectNode operation) {
    ObjectNode out = operation.deepCopy();
    if (out.has("parameters")) {
      for (JsonNode parameter : out.path("parameters")) {
        ObjectNode p = (ObjectNode) parameter;
        p.put("type", p.path("schema").path("type").asText("string"));
        p.remove("schema");
      }
    }
    Set<String> produces = new LinkedHashSet<>();
    out.path("responses")
        .fields()
        .forEachRemaining(
            response -> {
              ObjectNode r = (ObjectNode) response.getValue();
              JsonNode content = r.remove("content");
              if (content != null && content.size() > 0) {
                content.fieldNames().forEachRemaining(produces::add);
                String ref = content.elements().next().path("schema").path("$ref").asText("");
                r.putObject("schema")
                    .put("$ref", ref.replace("#/components/schemas/", "#/definitions/"));
              }
              JsonNode headers = r.path("headers");
              headers
                  .fields()
                  .forEachRemaining(
                      h -> ((ObjectNode) h.getValue()).removeAll().put("type", "string"));
            });
    if (!produces.isEmpty()) {
      ArrayNode types = out.putArray("produces");
      produces.forEach(types::add);
    }
    return out;
  }
}
