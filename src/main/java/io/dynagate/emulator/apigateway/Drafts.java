package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.Resource;
import java.util.function.UnaryOperator;

/** Finding and changing parts of a draft, with AWS's errors when a part is missing. */
final class Drafts {

  private Drafts() {}

  static Resource resource(ApiDefinition draft, String resourceId) {
    return draft.resource(resourceId).orElseThrow(ApiGatewayErrors::noSuchResource);
  }

  static Method method(ApiDefinition draft, String resourceId, String httpMethod) {
    Method method = resource(draft, resourceId).resourceMethods().get(httpMethod);
    if (method == null) {
      throw ApiGatewayErrors.noSuchMethod();
    }
    return method;
  }

  static Integration integration(ApiDefinition draft, String resourceId, String httpMethod) {
    Integration integration = method(draft, resourceId, httpMethod).methodIntegration();
    if (integration == null) {
      throw ApiGatewayErrors.noIntegration();
    }
    return integration;
  }

  /** The draft with one existing method replaced by a function of it. */
  static ApiDefinition changeMethod(
      ApiDefinition draft, String resourceId, String httpMethod, UnaryOperator<Method> change) {
    Method next = change.apply(method(draft, resourceId, httpMethod));
    return draft.with(resource(draft, resourceId).withMethod(next));
  }

  /** The draft with one existing integration replaced by a function of it. */
  static ApiDefinition changeIntegration(
      ApiDefinition draft,
      String resourceId,
      String httpMethod,
      UnaryOperator<Integration> change) {
    Integration next = change.apply(integration(draft, resourceId, httpMethod));
    return changeMethod(draft, resourceId, httpMethod, method -> method.withIntegration(next));
  }
}
