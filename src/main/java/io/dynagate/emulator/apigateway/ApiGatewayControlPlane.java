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

  ApiGatewayControlPlane(Instance<ApiGatewayOperations> groups) {
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
    return handlers.get(call.operation()).apply(new ApiGatewayCall(call));
  }

  @Override
  public EmulatorResponse error(AwsError error) {
    return ApiGatewayJson.error(error);
  }
}
