package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;

/**
 * Request validators, read only: those an imported document declares ({@code
 * x-amazon-apigateway-request-validators}), as GetRequestValidators and GetRequestValidator show
 * them. A validator's name is its id, as the methods that use it name it.
 */
@ApplicationScoped
class RequestValidatorOperations implements ApiGatewayOperations {

  private final ApiGatewayStore store;

  RequestValidatorOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("GetRequestValidators", this::list);
    handlers.put("GetRequestValidator", this::get);
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            api.requestValidators().values().stream().toList(),
            RequestValidator::name,
            RequestValidatorOperations::view,
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    RequestValidator validator = api.requestValidators().get(call.parameter("requestvalidator_id"));
    if (validator == null) {
      throw ApiGatewayErrors.notFound("Invalid Request Validator identifier specified");
    }
    return ApiGatewayJson.answer(200, view(validator));
  }

  private static ObjectNode view(RequestValidator validator) {
    return ApiGatewayJson.MAPPER
        .createObjectNode()
        .put("id", validator.name())
        .put("name", validator.name())
        .put("validateRequestBody", validator.validateRequestBody())
        .put("validateRequestParameters", validator.validateRequestParameters());
  }
}
