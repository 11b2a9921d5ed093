package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.ServiceCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** API Gateway's REST routes as the SDKs call them, and the operation each one names. */
final class ApiGatewayRoutes {

  private static final String METHOD =
      "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}";
  private static final List<Route> ROUTES =
      Stream.concat(
              AccessRoutes.ROUTES.stream(),
              Stream.of(
                  route("GET", "/restapis", "GetRestApis"),
                  route("POST", "/restapis", "CreateRestApi"),
                  route("GET", "/restapis/{restapi_id}", "GetRestApi"),
                  route("PUT", "/restapis/{restapi_id}", "PutRestApi"),
                  route("PATCH", "/restapis/{restapi_id}", "UpdateRestApi"),
                  route("DELETE", "/restapis/{restapi_id}", "DeleteRestApi"),
                  route("GET", "/restapis/{restapi_id}/resources", "GetResources"),
                  route("GET", "/restapis/{restapi_id}/resources/{resource_id}", "GetResource"),
                  route("POST", "/restapis/{restapi_id}/resources/{parent_id}", "CreateResource"),
                  route(
                      "DELETE", "/restapis/{restapi_id}/resources/{resource_id}", "DeleteResource"),
                  route(
                      "PATCH", "/restapis/{restapi_id}/resources/{resource_id}", "UpdateResource"),
                  route("PUT", METHOD, "PutMethod"),
                  route("GET", METHOD, "GetMethod"),
                  route("DELETE", METHOD, "DeleteMethod"),
                  route("PATCH", METHOD, "UpdateMethod"),
                  route(
                      "PATCH",
                      METHOD + "/integration/responses/{status_code}",
                      "UpdateIntegrationResponse"),
                  route("POST", METHOD, "TestInvokeMethod"),
                  route("PUT", METHOD + "/responses/{status_code}", "PutMethodResponse"),
                  route("GET", METHOD + "/responses/{status_code}", "GetMethodResponse"),
                  route("DELETE", METHOD + "/responses/{status_code}", "DeleteMethodResponse"),
                  route("PATCH", METHOD + "/responses/{status_code}", "UpdateMethodResponse"),
                  route("PUT", METHOD + "/integration", "PutIntegration"),
                  route("GET", METHOD + "/integration", "GetIntegration"),
                  route("DELETE", METHOD + "/integration", "DeleteIntegration"),
                  route(
                      "PUT",
                      METHOD + "/integration/responses/{status_code}",
                      "PutIntegrationResponse"),
                  route(
                      "GET",
                      METHOD + "/integration/responses/{status_code}",
                      "GetIntegrationResponse"),
                  route(
                      "DELETE",
                      METHOD + "/integration/responses/{status_code}",
                      "DeleteIntegrationResponse"),
                  route("POST", "/restapis/{restapi_id}/deployments", "CreateDeployment"),
                  route("GET", "/restapis/{restapi_id}/deployments", "GetDeployments"),
                  route(
                      "GET", "/restapis/{restapi_id}/deployments/{deployment_id}", "GetDeployment"),
                  route(
                      "DELETE",
                      "/restapis/{restapi_id}/deployments/{deployment_id}",
                      "DeleteDeployment"),
                  route("POST", "/restapis/{restapi_id}/stages", "CreateStage"),
                  route("GET", "/restapis/{restapi_id}/stages", "GetStages"),
                  route("GET", "/restapis/{restapi_id}/stages/{stage_name}", "GetStage"),
                  route("PATCH", "/restapis/{restapi_id}/stages/{stage_name}", "UpdateStage"),
                  route("DELETE", "/restapis/{restapi_id}/stages/{stage_name}", "DeleteStage"),
                  route(
                      "GET",
                      "/restapis/{restapi_id}/stages/{stage_name}/exports/{export_type}",
                      "GetExport"),
                  route("GET", "/restapis/{restapi_id}/models", "GetModels"),
                  route("GET", "/restapis/{restapi_id}/models/{model_name}", "GetModel"),
                  route(
                      "POST", "/restapis/{restapi_id}/requestvalidators", "CreateRequestValidator"),
                  route("GET", "/restapis/{restapi_id}/requestvalidators", "GetRequestValidators"),
                  route(
                      "GET",
                      "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}",
                      "GetRequestValidator"),
                  route(
                      "PATCH",
                      "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}",
                      "UpdateRequestValidator"),
                  route(
                      "DELETE",
                      "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}",
                      "DeleteRequestValidator"),
                  route("GET", "/tags/{resource_arn}", "GetTags"),
                  route("PUT", "/tags/{resource_arn}", "TagResource"),
                  route("DELETE", "/tags/{resource_arn}", "UntagResource")))
          .toList();

  private ApiGatewayRoutes() {}

  /** The operation and path parameters of a request. */
  static ServiceCall match(EmulatorRequest request) {
    List<String> segments = request.segments();
    for (Route route : ROUTES) {
      Optional<Map<String, String>> parameters = route.match(request.method(), segments);
      if (parameters.isPresent()) {
        String operation = route.operation();
        if (operation.equals("CreateRestApi") && "import".equals(request.queryParam("mode"))) {
          operation = "ImportRestApi";
        }
        return new ServiceCall(operation, parameters.get(), request);
      }
    }
    throw missingToken();
  }

  /** What API Gateway answers for a path it does not serve. */
  static AwsError missingToken() {
    return new AwsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
  }

  static Route route(String method, String pattern, String operation) {
    return new Route(method, List.of(pattern.substring(1).split("/")), operation);
  }

  record Route(String method, List<String> pattern, String operation) {

    Optional<Map<String, String>> match(String requestMethod, List<String> segments) {
      if (!method.equals(requestMethod) || segments.size() != pattern.size()) {
        return Optional.empty();
      }
      Map<String, String> parameters = new HashMap<>();
      for (int i = 0; i < pattern.size(); i++) {
        String part = pattern.get(i);
        if (part.startsWith("{")) {
          parameters.put(part.substring(1, part.length() - 1), segments.get(i));
        } else if (!part.equals(segments.get(i))) {
          return Optional.empty();
        }
      }
      return Optional.of(parameters);
    }
  }
}
