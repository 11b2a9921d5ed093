package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import java.util.Map;

/** The templates of one route, taken from its generated integration. */
record Templates(String request, String success, String clientError, String serverError) {

  @SuppressWarnings("unchecked")
  static Templates of(ApiDeclaration api, RouteSpec route) {
    Map<String, Object> integration = new Integration(api, java.util.Optional.empty()).of(route);
    Map<String, Object> responses = (Map<String, Object>) integration.get("responses");
    return new Templates(
        template(integration, "requestTemplates"),
        template((Map<String, Object>) responses.get("default"), "responseTemplates"),
        template((Map<String, Object>) responses.get("4\\d{2}"), "responseTemplates"),
        template((Map<String, Object>) responses.get("5\\d{2}"), "responseTemplates"));
  }

  @SuppressWarnings("unchecked")
  private static String template(Map<String, Object> owner, String field) {
    return ((Map<String, String>) owner.get(field)).get("application/json");
  }

  static Templates of(RouteSpec route) {
    return of(Fixtures.api(route), route);
  }
}
