package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.ValueType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code x-amazon-apigateway-integration} of one route: DynamoDB called directly. */
final class Integration {

  private final ApiDeclaration api;
  private final Optional<Cors> cors;

  Integration(ApiDeclaration api, Optional<Cors> cors) {
    this.api = api;
    this.cors = cors;
  }

  Map<String, Object> of(RouteSpec route) {
    TableSpec table = api.table(route);
    Action action = route.actionOrDefault();
    Map<String, ValueType> declared = declaredTypes(table);
    String request =
        switch (action) {
          case GetItem -> RequestVtl.getItem(route, table);
          case Query -> RequestVtl.query(route, table);
          case PutItem -> WriteVtl.putItem(route, table);
          case UpdateItem -> WriteVtl.updateItem(route, table);
          case DeleteItem -> WriteVtl.deleteItem(route, table);
        };
    String success =
        switch (action) {
          case GetItem -> ResponseVtl.getItem(declared);
          case Query -> ResponseVtl.query(declared);
          case PutItem -> WriteResponseVtl.putItem(route);
          case UpdateItem -> WriteResponseVtl.updateItem(declared);
          case DeleteItem -> WriteResponseVtl.deleteItem();
        };
    String clientError =
        action.writes() ? WriteResponseVtl.clientError(route) : ResponseVtl.clientError();
    // A team's own templates replace the generated ones as they are; preflight proves them.
    request = route.requestTemplate() != null ? route.requestTemplate() : request;
    success = route.responseTemplate() != null ? route.responseTemplate() : success;
    Map<String, Object> responses = new TreeMap<>();
    // The empty pattern is the default, DynamoDB's 200. Without the 4xx and 5xx patterns, a
    // DynamoDB error would reach the client as a 200.
    responses.put("default", response("200", success));
    responses.put("4\\d{2}", response("400", clientError));
    responses.put("5\\d{2}", response("502", ResponseVtl.serverError()));
    Map<String, Object> integration = new TreeMap<>();
    integration.put("type", "aws");
    integration.put("httpMethod", "POST");
    integration.put(
        "uri",
        "arn:" + api.partition() + ":apigateway:" + api.region() + ":dynamodb:action/" + action);
    integration.put("credentials", api.roleArn());
    integration.put("passthroughBehavior", "never");
    integration.put("requestTemplates", Map.of("application/json", request));
    integration.put("responses", responses);
    return integration;
  }

  private Map<String, Object> response(String status, String template) {
    Map<String, Object> response = new TreeMap<>();
    response.put("statusCode", status);
    String prefix = cors.map(Cors::templatePrefix).orElse("");
    response.put("responseTemplates", Map.of("application/json", prefix + template));
    return response;
  }

  /** The attribute schema, plus the key attributes' types, which the table always declares. */
  static Map<String, ValueType> declaredTypes(TableSpec table) {
    Map<String, ValueType> declared = new TreeMap<>();
    table
        .attributeDefinitions()
        .forEach(
            d -> declared.put(d.attributeName(), new ValueType.Scalar(d.attributeType().name())));
    if (table.attributeSchema() != null) {
      declared.putAll(table.attributeSchema());
    }
    return declared;
  }
}
