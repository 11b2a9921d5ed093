package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.ServiceCall;
import java.io.IOException;
import java.util.Map;

/**
 * One API Gateway call: its operation, path parameters and request.
 *
 * @param operation e.g. {@code PutRestApi}
 * @param parameters path parameters by the names the SDK model uses, e.g. {@code restapi_id}
 * @param request the request
 */
record ApiGatewayCall(String operation, Map<String, String> parameters, EmulatorRequest request) {

  ApiGatewayCall(ServiceCall call) {
    this(call.operation(), call.parameters(), call.request());
  }

  String restApiId() {
    return parameters.get("restapi_id");
  }

  String parameter(String name) {
    return parameters.get(name);
  }

  String query(String name) {
    return request.queryParam(name);
  }

  /** The JSON body, an empty object when there is none. */
  ObjectNode body() {
    if (request.body().length == 0) {
      return ApiGatewayJson.MAPPER.createObjectNode();
    }
    try {
      JsonNode body = ApiGatewayJson.MAPPER.readTree(request.body());
      if (body instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // answered below
    }
    throw ApiGatewayErrors.badRequest("Invalid request body: not a JSON object");
  }
}
