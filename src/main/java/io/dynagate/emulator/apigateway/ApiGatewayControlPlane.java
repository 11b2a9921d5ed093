package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.ControlPlane;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
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
  public String operation(EmulatorRequest request) {
    String operation = ApiGatewayRoutes.match(request).operation();
    if (!handlers.containsKey(operation)) {
      throw new AwsError(
          403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    return operation;
  }

  @Override
  public EmulatorResponse execute(String operation, EmulatorRequest request) {
    return handlers.get(operation).apply(ApiGatewayRoutes.match(request));
  }

  @Override
  public EmulatorResponse error(AwsError error) {
    return ApiGatewayJson.error(error);
  }
}
