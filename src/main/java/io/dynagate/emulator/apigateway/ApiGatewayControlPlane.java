package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.ControlPlane;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.ServiceCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** API Gateway (REST v1) control plane, JSON REST protocol. */
@ApplicationScoped
public class ApiGatewayControlPlane implements ControlPlane {

  private final Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers = new HashMap<>();
  private final ApiGatewayStore store;

  ApiGatewayControlPlane(Instance<ApiGatewayOperations> groups, ApiGatewayStore store) {
    this.store = store;
    groups.forEach(group -> group.register(handlers));
  }

  @Override
  public String service() {
    return "apigateway";
  }

  @Override
  public ServiceCall resolve(EmulatorRequest request) {
    ServiceCall call = ApiGatewayRoutes.match(request);
    if (!handlers.containsKey(call.operation())) {
      throw ApiGatewayRoutes.missingToken();
    }
    return call;
  }

  @Override
  public EmulatorResponse execute(ServiceCall call) {
    if (call.parameters().containsKey("http_method")) {
      requireResource(call.parameters().get("restapi_id"), call.parameters().get("resource_id"));
    }
    return handlers.get(call.operation()).apply(new ApiGatewayCall(call));
  }

  /**
   * AWS answers every call on a method, its integration or their responses with {@code Invalid
   * Resource identifier specified} when the API or the resource is unknown, before it looks at
   * anything else in the call.
   */
  private void requireResource(String restApiId, String resourceId) {
    boolean found = store.draft(restApiId).flatMap(draft -> draft.resource(resourceId)).isPresent();
    if (!found) {
      throw ApiGatewayErrors.noSuchResource();
    }
  }

  @Override
  public EmulatorResponse error(AwsError error) {
    return ApiGatewayJson.error(error);
  }
}
