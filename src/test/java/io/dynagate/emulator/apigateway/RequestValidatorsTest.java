package io.dynagate.emulator.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.RequestValidator;

/**
 * The request validators an imported document declares, read back as AWS answers them: every one,
 * used or not; the method names the one it uses; an overwrite replaces them, a merge adds to them.
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
}
