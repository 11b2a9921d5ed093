package io.dynagate.render;

import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.AccessSpec.Authorization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a method asks its callers to authenticate, in the OpenAPI forms API Gateway imports: a {@code
 * security} requirement naming {@code api_key} (an {@code x-api-key} header) or {@code sigv4}
 * ({@code x-amazon-apigateway-authtype: awsSigv4}, i.e. {@code AWS_IAM}).
 */
final class Security {

  static final String API_KEY = "api_key";
  static final String SIGV4 = "sigv4";

  private Security() {}

  /** The method's {@code security} member, or null for {@code NONE}. */
  static List<Map<String, List<String>>> requirement(ApiDeclaration api, String routeName) {
    AccessSpec access = api.api().access();
    Authorization authorization =
        access == null ? Authorization.NONE : access.authorizationOf(routeName);
    return switch (authorization) {
      case NONE -> null;
      case API_KEY -> List.of(Map.of(API_KEY, List.of()));
      case AWS_IAM -> List.of(Map.of(SIGV4, List.of()));
    };
  }

  /** {@code components.securitySchemes} for the schemes the methods use, or null for none. */
  static Map<String, Object> schemes(ApiDeclaration api) {
    Map<String, Object> schemes = new TreeMap<>();
    for (ApiDeclaration.NamedRoute route : api.routes()) {
      List<Map<String, List<String>>> requirement = requirement(api, route.name());
      if (requirement == null) {
        continue;
      }
      if (requirement.get(0).containsKey(API_KEY)) {
        schemes.put(API_KEY, Map.of("type", "apiKey", "name", "x-api-key", "in", "header"));
      } else {
        schemes.put(
            SIGV4,
            Map.of(
                "type",
                "apiKey",
                "name",
                "Authorization",
                "in",
                "header",
                "x-amazon-apigateway-authtype",
                "awsSigv4"));
      }
    }
    return schemes.isEmpty() ? null : schemes;
  }
}
