package io.dynagate.emulator.apigateway;

import static io.dynagate.emulator.apigateway.MethodOperations.httpMethod;
import static io.dynagate.emulator.apigateway.MethodOperations.statusCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;

/** Integrations and integration responses. */
@ApplicationScoped
class IntegrationOperations implements ApiGatewayOperations {

  private final ApiGatewayStore store;

  IntegrationOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("PutIntegration", this::put);
    handlers.put("GetIntegration", this::get);
    handlers.put("DeleteIntegration", this::delete);
    handlers.put("PutIntegrationResponse", this::putResponse);
    handlers.put("GetIntegrationResponse", this::getResponse);
    handlers.put("DeleteIntegrationResponse", this::deleteResponse);
    handlers.put("UpdateIntegrationResponse", this::updateResponse);
  }

  private EmulatorResponse put(ApiGatewayCall call) {
    Integration integration = IntegrationRules.validated(IntegrationRules.fromJson(call.body()));
    String resourceId = call.parameter("resource_id");
    RestApi updated =
        store.update(
            call.restApiId(),
            api ->
                api.withDraft(
                    Drafts.changeMethod(
                        api.draft(),
                        resourceId,
                        httpMethod(call),
                        method -> method.withIntegration(integration))));
    return ApiGatewayJson.answer(
        201, Drafts.integration(updated.draft(), resourceId, httpMethod(call)));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    Integration integration =
        Drafts.integration(
            store.require(call.restApiId()).draft(),
            call.parameter("resource_id"),
            httpMethod(call));
    return ApiGatewayJson.answer(200, integration);
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    store.update(
        call.restApiId(),
        api -> {
          String resourceId = call.parameter("resource_id");
          Drafts.integration(api.draft(), resourceId, httpMethod(call));
          return api.withDraft(
              Drafts.changeMethod(
                  api.draft(),
                  resourceId,
                  httpMethod(call),
                  method -> method.withIntegration(null)));
        });
    return EmulatorResponse.empty(204);
  }

  private EmulatorResponse putResponse(ApiGatewayCall call) {
    ObjectNode body = call.body();
    IntegrationResponse response =
        new IntegrationResponse(
            statusCode(call),
            ApiGatewayJson.text(body, "selectionPattern"),
            ApiGatewayJson.stringMap(body, "responseParameters"),
            templates(body),
            ApiGatewayJson.text(body, "contentHandling"));
    store.update(
        call.restApiId(),
        api ->
            api.withDraft(
                Drafts.changeIntegration(
                    api.draft(),
                    call.parameter("resource_id"),
                    httpMethod(call),
                    integration -> integration.withResponse(response))));
    return ApiGatewayJson.answer(201, response);
  }

  private EmulatorResponse getResponse(ApiGatewayCall call) {
    String status = statusCode(call);
    Integration integration =
        Drafts.integration(
            store.require(call.restApiId()).draft(),
            call.parameter("resource_id"),
            httpMethod(call));
    IntegrationResponse response = integration.integrationResponses().get(status);
    if (response == null) {
      throw ApiGatewayErrors.noSuchResponse();
    }
    return ApiGatewayJson.answer(200, response);
  }

  private EmulatorResponse updateResponse(ApiGatewayCall call) {
    String status = statusCode(call);
    String resourceId = call.parameter("resource_id");
    RestApi updated =
        store.update(
            call.restApiId(),
            api ->
                api.withDraft(
                    Drafts.changeIntegration(
                        api.draft(),
                        resourceId,
                        httpMethod(call),
                        integration -> {
                          IntegrationResponse current =
                              integration.integrationResponses().get(status);
                          if (current == null) {
                            throw ApiGatewayErrors.noSuchResponse();
                          }
                          return integration.withResponse(
                              IntegrationResponsePatch.apply(
                                  current, call.body().path("patchOperations")));
                        })));
    return ApiGatewayJson.answer(
        200,
        Drafts.integration(updated.draft(), resourceId, httpMethod(call))
            .integrationResponses()
            .get(status));
  }

  private EmulatorResponse deleteResponse(ApiGatewayCall call) {
    String status = statusCode(call);
    store.update(
        call.restApiId(),
        api -> {
          if (!Drafts.resource(api.draft(), call.parameter("resource_id"))
              .resourceMethods()
              .containsKey(httpMethod(call))) {
            // AWS names the integration, not the method, when the method is missing here
            throw ApiGatewayErrors.noIntegration();
          }
          return api.withDraft(
              Drafts.changeIntegration(
                  api.draft(),
                  call.parameter("resource_id"),
                  httpMethod(call),
                  integration -> {
                    if (!integration.integrationResponses().containsKey(status)) {
                      throw ApiGatewayErrors.noSuchResponse();
                    }
                    return integration.withoutResponse(status);
                  }));
        });
    return EmulatorResponse.empty(204);
  }

  /** Response templates as AWS keeps them: an empty template is no template, shown as null. */
  private static Map<String, String> templates(ObjectNode body) {
    Map<String, String> templates = ApiGatewayJson.stringMap(body, "responseTemplates");
    templates.replaceAll(
        (type, template) -> template == null || template.isEmpty() ? null : template);
    return templates;
  }
}
