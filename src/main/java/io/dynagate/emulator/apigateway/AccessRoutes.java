package io.dynagate.emulator.apigateway;

import static io.dynagate.emulator.apigateway.ApiGatewayRoutes.route;

import java.util.List;

/** The REST routes of API keys, usage plans and their keys, as the SDKs call them. */
final class AccessRoutes {

  private static final String PLAN = "/usageplans/{usageplanId}";

  static final List<ApiGatewayRoutes.Route> ROUTES =
      List.of(
          route("POST", "/apikeys", "CreateApiKey"),
          route("GET", "/apikeys", "GetApiKeys"),
          route("GET", "/apikeys/{api_Key}", "GetApiKey"),
          route("PATCH", "/apikeys/{api_Key}", "UpdateApiKey"),
          route("DELETE", "/apikeys/{api_Key}", "DeleteApiKey"),
          route("POST", "/usageplans", "CreateUsagePlan"),
          route("GET", "/usageplans", "GetUsagePlans"),
          route("GET", PLAN, "GetUsagePlan"),
          route("PATCH", PLAN, "UpdateUsagePlan"),
          route("DELETE", PLAN, "DeleteUsagePlan"),
          route("POST", PLAN + "/keys", "CreateUsagePlanKey"),
          route("GET", PLAN + "/keys", "GetUsagePlanKeys"),
          route("GET", PLAN + "/keys/{keyId}", "GetUsagePlanKey"),
          route("DELETE", PLAN + "/keys/{keyId}", "DeleteUsagePlanKey"));

  private AccessRoutes() {}
}
