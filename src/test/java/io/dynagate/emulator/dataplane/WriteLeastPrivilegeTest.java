package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.AttributeDefinition;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.declaration.ValueType;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.TestInvokeMethodResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Hostile: a team's own request template that writes an attribute its table does not declare is
 * refused by IAM, not by the template, because the rendered role may write only the declared
 * attributes. The route answers a neutral 500; the refusal shows in the execution log, and nothing
 * is written. The generated routes of the same API write through the same role.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class WriteLeastPrivilegeTest {

  private static final String TABLE = "lp_users";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SNEAKY_PUT =
      """
      {"TableName": "lp_users", "Item": {"userId": {"S": "$input.params('userId')"},
       "name": {"S": "x"}, "admin": {"BOOL": true}}}""";
  private static final String SNEAKY_UPDATE =
      """
      {"TableName": "lp_users", "Key": {"userId": {"S": "$input.params('userId')"}},
       "UpdateExpression": "SET #a = :t", "ExpressionAttributeNames": {"#a": "admin"},
       "ExpressionAttributeValues": {":t": {"BOOL": true}}, "ReturnValues": "ALL_NEW"}""";

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject DynamoDbClient dynamo;
  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;

  private static String apiId;

  @BeforeEach
  void setUp() {
    if (apiId != null) {
      return;
    }
    dynamo.createTable(
        b ->
            b.tableName(TABLE)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("userId").attributeType("S"))
                .keySchema(k -> k.attributeName("userId").keyType("HASH")));
    // dynalite answers for a table only once it is ACTIVE
    while (!dynamo
        .describeTable(b -> b.tableName(TABLE))
        .table()
        .tableStatusAsString()
        .equals("ACTIVE")) {
      Thread.onSpinWait();
    }
    Definition definition = ApiRenderer.render(declaration());
    Deployer deployer = new Deployer(apiGateway, iam, engine.emulatorEndpoint());
    deployer.role(definition.roleName(), definition.trustPolicy(), definition.permissionPolicy());
    apiId = deployer.create("least-privilege", definition.openApi(), "dev");
  }

  @Test
  void theGeneratedWritesWorkThroughTheNarrowedRole() throws Exception {
    assertEquals(201, send("PUT", "/users/u1", "{\"name\":\"Ada\"}").statusCode());
    HttpResponse<String> updated = send("PATCH", "/users/u1", "{\"name\":\"Grace\"}");
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals("Grace", item("u1").get("name").s());
    HttpResponse<String> deleted = send("DELETE", "/users/u1", null);
    assertEquals(204, deleted.statusCode(), deleted.body());
    assertTrue(item("u1").isEmpty());
  }

  @Test
  void aTemplateThatPutsAnUndeclaredAttributeIsDeniedByIam() throws Exception {
    HttpResponse<String> answer = send("POST", "/sneaky/u2", "{}");
    assertNeutral500(answer);
    assertTrue(item("u2").isEmpty(), "nothing written: " + item("u2"));
    assertDeniedInTheLog("/sneaky/{userId}", "POST", "/sneaky/u2");
  }

  @Test
  void aTemplateThatUpdatesAnUndeclaredAttributeIsDeniedByIam() throws Exception {
    assertEquals(201, send("PUT", "/users/u3", "{\"name\":\"Ada\"}").statusCode());
    HttpResponse<String> answer = send("PATCH", "/sneaky/u3", "{}");
    assertNeutral500(answer);
    assertFalse(item("u3").containsKey("admin"), "not written: " + item("u3"));
    assertDeniedInTheLog("/sneaky/{userId}", "PATCH", "/sneaky/u3");
  }

  private static void assertNeutral500(HttpResponse<String> answer) {
    assertEquals(500, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"message\":\"Internal server error\""), answer.body());
    for (String leak : List.of(TABLE, "AccessDenied", "arn:", "admin")) {
      assertFalse(answer.body().contains(leak), leak + " in " + answer.body());
    }
  }

  /** TestInvokeMethod's log shows DynamoDB's answer before the response mapping: IAM's refusal. */
  private void assertDeniedInTheLog(String resourcePath, String method, String path) {
    String resourceId =
        apiGateway.getResources(b -> b.restApiId(apiId)).items().stream()
            .filter(r -> r.path().equals(resourcePath))
            .findFirst()
            .orElseThrow()
            .id();
    TestInvokeMethodResponse invoked =
        apiGateway.testInvokeMethod(
            b ->
                b.restApiId(apiId)
                    .resourceId(resourceId)
                    .httpMethod(method)
                    .pathWithQueryString(path)
                    .body("{}"));
    assertEquals(500, invoked.status(), invoked.log());
    assertTrue(invoked.log().contains("AccessDeniedException"), invoked.log());
    assertTrue(invoked.log().contains("dynamodb:"), invoked.log());
  }

  private Map<String, AttributeValue> item(String userId) {
    return dynamo
        .getItem(
            b ->
                b.tableName(TABLE)
                    .consistentRead(true)
                    .key(Map.of("userId", AttributeValue.fromS(userId))))
        .item();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    URI uri =
        engine.emulatorEndpoint().resolve("/restapis/" + apiId + "/dev/_user_request_" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private ApiDeclaration declaration() {
    TableSpec table =
        new TableSpec(
            TABLE,
            List.of(new AttributeDefinition("userId", AttributeType.S)),
            List.of(new KeySchemaElement("userId", KeyType.HASH)),
            "PAY_PER_REQUEST",
            null,
            null,
            Map.of("name", new ValueType.Scalar("S")),
            null);
    return new ApiDeclaration(
        "least-privilege",
        new ApiSpec(null, null, null, null, null, null),
        List.of(
            new NamedRoute("put-user", write("PUT", "/users/{userId}", Action.PutItem, null)),
            new NamedRoute(
                "update-user", write("PATCH", "/users/{userId}", Action.UpdateItem, null)),
            new NamedRoute(
                "delete-user", write("DELETE", "/users/{userId}", Action.DeleteItem, null)),
            new NamedRoute(
                "sneaky-put", write("POST", "/sneaky/{userId}", Action.PutItem, SNEAKY_PUT)),
            new NamedRoute(
                "sneaky-update",
                write("PATCH", "/sneaky/{userId}", Action.UpdateItem, SNEAKY_UPDATE))),
        Map.of(TABLE, table),
        config.emulator().region(),
        config.emulator().accountId(),
        "dynagate-least-privilege");
  }

  private static RouteSpec write(String method, String path, Action action, String template) {
    RouteSpec.Mode mode = action == Action.PutItem ? RouteSpec.Mode.upsert : null;
    return new RouteSpec(
        method, path, TABLE, action, Map.of(), null, null, null, null, null, null, mode, null, null,
        null, null, template, null);
  }
}
