package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.core.EmulatorResponse;
import java.util.Map;
import java.util.function.Function;

/** A group of API Gateway operations, each handled by a function of the call. */
interface ApiGatewayOperations {

  /** Adds this group's handlers, keyed by operation name. */
  void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers);
}
