package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.ApiGatewayStore;
import io.dynagate.emulator.apigateway.model.DeployedStage;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetExportResponse;
import software.amazon.awssdk.services.apigateway.model.PutMode;

/** PutRestApi / ImportRestApi from OpenAPI 3 and GetExport back, through the SDK. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class OpenApiRoundTripTest {

  // Quotes, backslashes, a tab, non-ASCII and VTL: all must come back byte for byte.
  static final String REQUEST_TEMPLATE =
      "{\n  \"TableName\": \"users\",\n  \"Key\": {\"userId\": {\"S\": \"$util.escapeJavaScript($input.params('userId')).replaceAll(\\\"\\\\\\\\'\\\",\\\"'\\\")\"}}\n}\t é";
  static final String RESPONSE_TEMPLATE =
      "#set($item = $input.path('$.Item'))\n#if($item == \"\")#set($context.responseOverride.status = 404){\"message\":\"not found\"}#else{\"userId\":\"$item.userId.S\"}#end";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApiGatewayClient apiGateway;
  @Inject ApiGatewayStore store;

  @Test
  void putThenExportKeepsTemplatesByteForByte() throws Exception {
    String apiId = apiGateway.createRestApi(b -> b.name("round-trip")).id();
    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(document("GetItem"))));
    apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev"));

    JsonNode exported = export(apiId, "dev");
    JsonNode integration =
        exported.at("/paths/~1users~1{userId}/get/x-amazon-apigateway-integration");
    assertEquals(
        REQUEST_TEMPLATE, integration.at("/requestTemplates/application~1json").textValue());
    assertEquals(
        RESPONSE_TEMPLATE,
        integration.at("/responses/default/responseTemplates/application~1json").textValue());
    assertEquals("404", integration.at("/responses/4\\d{2}/statusCode").textValue());
    assertEquals("aws", integration.path("type").textValue());
    assertEquals("when_no_templates", integration.path("passthroughBehavior").textValue());
    assertEquals(
        "arn:aws:iam::000000000000:role/users-api", integration.path("credentials").textValue());
    JsonNode parameter = exported.at("/paths/~1users~1{userId}/get/parameters/0");
    assertEquals("userId", parameter.path("name").textValue());
    assertEquals("path", parameter.path("in").textValue());
    assertTrue(exported.at("/paths/~1users~1{userId}/get/responses/200").isObject());

    // Exporting again and putting the export back changes nothing.
    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(exported.toString())));
    apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev"));
    assertEquals(exported.path("paths"), export(apiId, "dev").path("paths"));
  }

  @Test
  void aStageServesItsDeploymentNotTheDraft() {
    String apiId = apiGateway.createRestApi(b -> b.name("snapshots")).id();
    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(document("GetItem"))));
    apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev"));
    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(document("Query"))));

    DeployedStage live = store.deployedStage(apiId, "dev").orElseThrow();
    Integration deployed =
        live.definition()
            .resourceByPath("/users/{userId}")
            .orElseThrow()
            .resourceMethods()
            .get("GET")
            .methodIntegration();
    assertEquals("arn:aws:apigateway:us-east-1:dynamodb:action/GetItem", deployed.uri());
    assertEquals(REQUEST_TEMPLATE, deployed.requestTemplates().get("application/json"));
    Integration draft =
        store
            .draft(apiId)
            .orElseThrow()
            .resourceByPath("/users/{userId}")
            .orElseThrow()
            .resourceMethods()
            .get("GET")
            .methodIntegration();
    assertEquals("arn:aws:apigateway:us-east-1:dynamodb:action/Query", draft.uri());
    assertTrue(store.deployedStage(apiId, "nope").isEmpty());
  }

  @Test
  void importFromYamlAndMergeKeepsWhatTheDocumentDoesNotName() {
    String yaml =
        """
        openapi: 3.0.1
        info:
          title: imported
          version: "1"
        paths:
          /health:
            get:
              responses:
                "200":
                  description: ok
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                responses:
                  default:
                    statusCode: "200"
        """;
    var imported = apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(yaml)));
    assertEquals("imported", imported.name());
    String apiId = imported.id();
    String healthId = resourceId(apiId, "/health");

    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.MERGE)
                .body(SdkBytes.fromUtf8String(document("GetItem"))));
    assertEquals(healthId, resourceId(apiId, "/health"));
    assertFalse(resourceId(apiId, "/users/{userId}").isEmpty());

    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(document("GetItem"))));
    assertNull(resourceIdOrNull(apiId, "/health"));
    assertThrows(
        BadRequestException.class,
        () -> apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String("swagger: '2.0'"))));
    assertThrows(
        BadRequestException.class,
        () ->
            apiGateway.putRestApi(
                b -> b.restApiId(apiId).body(SdkBytes.fromUtf8String("{not json: ["))));
  }

  private String resourceId(String apiId, String path) {
    String id = resourceIdOrNull(apiId, path);
    assertFalse(id == null, "no resource " + path);
    return id;
  }

  private String resourceIdOrNull(String apiId, String path) {
    return apiGateway.getResources(b -> b.restApiId(apiId).limit(500)).items().stream()
        .filter(resource -> resource.path().equals(path))
        .map(resource -> resource.id())
        .findFirst()
        .orElse(null);
  }

  @Test
  void swaggerExportImportsBackToTheSameMethods() throws Exception {
    String apiId = apiGateway.createRestApi(b -> b.name("swagger-round-trip")).id();
    apiGateway.putRestApi(
        b ->
            b.restApiId(apiId)
                .mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(document("GetItem"))));
    apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev"));
    JsonNode swagger =
        JSON.readTree(
            apiGateway
                .getExport(
                    b ->
                        b.restApiId(apiId)
                            .stageName("dev")
                            .exportType("swagger")
                            .accepts("application/json")
                            .parameters(Map.of("extensions", "integrations")))
                .body()
                .asUtf8String());
    assertEquals("2.0", swagger.path("swagger").asText());
    assertEquals("/dev", swagger.path("basePath").asText());
    assertEquals("string", swagger.at("/paths/~1users~1{userId}/get/parameters/0/type").asText());
    assertTrue(swagger.path("servers").isMissingNode());

    String copy =
        apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(swagger.toString()))).id();
    var resource =
        apiGateway.getResources(b -> b.restApiId(copy)).items().stream()
            .filter(r -> r.path().equals("/users/{userId}"))
            .findFirst()
            .orElseThrow();
    var integration =
        apiGateway.getIntegration(
            b -> b.restApiId(copy).resourceId(resource.id()).httpMethod("GET"));
    assertEquals(REQUEST_TEMPLATE, integration.requestTemplates().get("application/json"));
  }

  private JsonNode export(String apiId, String stage) throws Exception {
    GetExportResponse export =
        apiGateway.getExport(
            b ->
                b.restApiId(apiId)
                    .stageName(stage)
                    .exportType("oas30")
                    .accepts("application/json")
                    .parameters(Map.of("extensions", "integrations")));
    assertEquals("application/json", export.contentType());
    return JSON.readTree(export.body().asUtf8String());
  }

  static String document(String action) {
    ObjectNode root = JSON.createObjectNode().put("openapi", "3.0.1");
    root.putObject("info").put("title", "users").put("version", "1");
    ObjectNode get = root.putObject("paths").putObject("/users/{userId}").putObject("get");
    get.putArray("parameters")
        .addObject()
        .put("name", "userId")
        .put("in", "path")
        .put("required", true)
        .putObject("schema")
        .put("type", "string");
    get.putObject("responses").putObject("200").put("description", "ok");
    ObjectNode integration = get.putObject("x-amazon-apigateway-integration");
    integration
        .put("type", "aws")
        .put("httpMethod", "POST")
        .put("uri", "arn:aws:apigateway:us-east-1:dynamodb:action/" + action)
        .put("credentials", "arn:aws:iam::000000000000:role/users-api")
        .put("passthroughBehavior", "when_no_templates");
    integration.putObject("requestTemplates").put("application/json", REQUEST_TEMPLATE);
    ObjectNode responses = integration.putObject("responses");
    responses
        .putObject("default")
        .put("statusCode", "200")
        .putObject("responseTemplates")
        .put("application/json", RESPONSE_TEMPLATE);
    responses.putObject("4\\d{2}").put("statusCode", "404");
    return root.toString();
  }
}
