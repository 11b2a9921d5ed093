package io.dynagate.emulator.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynagate.embedded.EmbeddedEngine;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.RequestValidator;

/**
 * The request validators an imported document declares, read back as AWS answers them: every one,
 * used or not; the method names the one it uses; an overwrite replaces them, a merge adds to them.
 * Validators made through the control plane are checked on the data plane as their methods use
 * them, follow their changes at the next deployment, and are not deleted while a method uses them.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class RequestValidatorsTest {

  private static final String DOCUMENT =
      """
      {"openapi": "3.0.1", "info": {"title": "validated", "version": "1"},
       "x-amazon-apigateway-request-validators": {
         "body": {"validateRequestBody": true, "validateRequestParameters": false},
         "%s": {"validateRequestBody": false, "validateRequestParameters": true}},
       "paths": {"/items": {"post": {
         "x-amazon-apigateway-request-validator": "body",
         "responses": {"200": {"description": "OK"}},
         "x-amazon-apigateway-integration": {"type": "mock",
           "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"},
           "responses": {"default": {"statusCode": "200"}}}}}}}
      """;

  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;

  private static SdkBytes document(String second) {
    return SdkBytes.fromUtf8String(DOCUMENT.formatted(second));
  }

  private List<String> names(String api) {
    return apiGateway.getRequestValidators(b -> b.restApiId(api)).items().stream()
        .map(RequestValidator::name)
        .sorted()
        .toList();
  }

  @Test
  void importedValidatorsAreListedAndNamedByTheirMethods() {
    String api = apiGateway.importRestApi(b -> b.body(document("params"))).id();

    assertEquals(List.of("body", "params"), names(api));
    var params = apiGateway.getRequestValidator(b -> b.restApiId(api).requestValidatorId("params"));
    assertEquals(false, params.validateRequestBody());
    assertEquals(true, params.validateRequestParameters());
    String resource =
        apiGateway.getResources(b -> b.restApiId(api)).items().stream()
            .filter(r -> r.path().equals("/items"))
            .findFirst()
            .orElseThrow()
            .id();
    String used =
        apiGateway
            .getMethod(b -> b.restApiId(api).resourceId(resource).httpMethod("POST"))
            .requestValidatorId();
    assertEquals(
        "body",
        apiGateway.getRequestValidator(b -> b.restApiId(api).requestValidatorId(used)).name());
    NotFoundException unknown =
        assertThrows(
            NotFoundException.class,
            () -> apiGateway.getRequestValidator(b -> b.restApiId(api).requestValidatorId("nope")));
    assertEquals(
        "Invalid Request Validator identifier specified", unknown.awsErrorDetails().errorMessage());

    apiGateway.putRestApi(b -> b.restApiId(api).mode(PutMode.MERGE).body(document("more")));
    assertEquals(List.of("body", "more", "params"), names(api));
    apiGateway.putRestApi(b -> b.restApiId(api).mode(PutMode.OVERWRITE).body(document("only")));
    assertEquals(List.of("body", "only"), names(api));
  }

  @Test
  void aCreatedValidatorChecksItsMethodsAndFollowsItsChanges() throws Exception {
    String api = apiGateway.createRestApi(b -> b.name("validated-by-hand")).id();
    String root = apiGateway.getResources(b -> b.restApiId(api)).items().get(0).id();
    String items =
        apiGateway.createResource(b -> b.restApiId(api).parentId(root).pathPart("items")).id();
    String validator =
        apiGateway
            .createRequestValidator(
                b -> b.restApiId(api).name("params only").validateRequestParameters(true))
            .id();
    BadRequestException unknown =
        assertThrows(
            BadRequestException.class,
            () ->
                apiGateway.putMethod(
                    b ->
                        b.restApiId(api)
                            .resourceId(items)
                            .httpMethod("GET")
                            .authorizationType("NONE")
                            .requestValidatorId("nope")));
    assertEquals(
        "Invalid Request Validator identifier specified", unknown.awsErrorDetails().errorMessage());
    apiGateway.putMethod(
        b ->
            b.restApiId(api)
                .resourceId(items)
                .httpMethod("GET")
                .authorizationType("NONE")
                .requestParameters(Map.of("method.request.header.x-name", true))
                .requestValidatorId(validator));
    apiGateway.putIntegration(
        b ->
            b.restApiId(api)
                .resourceId(items)
                .httpMethod("GET")
                .type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    apiGateway.putMethodResponse(
        b -> b.restApiId(api).resourceId(items).httpMethod("GET").statusCode("200"));
    apiGateway.putIntegrationResponse(
        b ->
            b.restApiId(api)
                .resourceId(items)
                .httpMethod("GET")
                .statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"ok\": true}")));
    apiGateway.createDeployment(b -> b.restApiId(api).stageName("dev"));

    assertEquals(400, call(api, null).statusCode());
    assertEquals(
        "{\"message\":\"Missing required request parameters: [x-name]\"}", call(api, null).body());
    assertEquals(200, call(api, "Ada").statusCode());
    BadRequestException used =
        assertThrows(
            BadRequestException.class,
            () ->
                apiGateway.deleteRequestValidator(
                    b -> b.restApiId(api).requestValidatorId(validator)));
    assertEquals(
        "Cannot delete request validator " + validator + ", is referenced in method: /items/GET",
        used.awsErrorDetails().errorMessage());

    apiGateway.updateRequestValidator(
        b ->
            b.restApiId(api)
                .requestValidatorId(validator)
                .patchOperations(
                    p -> p.op(Op.REPLACE).path("/validateRequestParameters").value("false")));
    assertEquals(400, call(api, null).statusCode(), "the stage runs its deployment until the next");
    apiGateway.createDeployment(b -> b.restApiId(api).stageName("dev"));
    assertEquals(200, call(api, null).statusCode());

    apiGateway.updateMethod(
        b ->
            b.restApiId(api)
                .resourceId(items)
                .httpMethod("GET")
                .patchOperations(p -> p.op(Op.REPLACE).path("/requestValidatorId").value("")));
    apiGateway.deleteRequestValidator(b -> b.restApiId(api).requestValidatorId(validator));
    assertEquals(List.of(), names(api));
  }

  private HttpResponse<String> call(String api, String name) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(
                engine.emulatorEndpoint() + "/restapis/" + api + "/dev/_user_request_/items"));
    if (name != null) {
      request.header("x-name", name);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
