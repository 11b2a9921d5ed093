package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 300-route API (API Gateway's resource quota) stays within a quarter of its 6 MB import limit,
 * for every action, with the heaviest options: several CORS origins, a rich attribute schema,
 * undeclared attributes, versions and timestamps.
 */
class DefinitionSizeTest {

  private static final int ROUTES = 300;
  private static final long QUARTER_OF_IMPORT_LIMIT = 6L * 1024 * 1024 / 4;

  @Disabled(
      "the target is not reached yet: 300 routes measure GetItem 5.9 MB, Query 4.3 MB, PutItem"
          + " 10.3 MB, UpdateItem 15.6 MB, DeleteItem 2.8 MB; the unrolled nesting of undeclared"
          + " content must go first. Until then, routes past the 6 MB quota are refused when"
          + " declared (ApiQuotaCheck).")
  @ParameterizedTest
  @EnumSource(Action.class)
  void threeHundredRoutesOfOneActionFitInAQuarterOfTheImportLimit(Action action) {
    IntFunction<RouteSpec> route =
        switch (action) {
          case GetItem -> i -> Fixtures.getItem("/r" + i + "/{userId}", "users", Map.of());
          case Query ->
              i ->
                  i % 2 == 0
                      ? Fixtures.query(
                          "/r" + i + "/{customerId}",
                          "orders",
                          null,
                          Fixtures.sort(Condition.BETWEEN, "query.from", "query.to"))
                      : Fixtures.query("/r" + i + "/{tenant}", "events", null, null);
          case PutItem ->
              i -> write("PUT", i, action, i % 2 == 0 ? Mode.upsert : Mode.create, null);
          case UpdateItem -> i -> write("PATCH", i, action, null, "version");
          case DeleteItem -> i -> write("DELETE", i, action, null, "version");
        };
    List<ApiDeclaration.NamedRoute> routes = new ArrayList<>();
    for (int i = 0; i < ROUTES; i++) {
      routes.add(new ApiDeclaration.NamedRoute("route-" + i, route.apply(i)));
    }
    ApiSpec spec =
        new ApiSpec(
            null,
            null,
            null,
            new ApiSpec.Cors(List.of("https://a.example.com", "https://b.example.com"), null, null),
            null,
            null);
    String openApi = ApiRenderer.render(Fixtures.api(spec, routes)).openApi();
    long bytes = openApi.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(
        bytes <= QUARTER_OF_IMPORT_LIMIT,
        action
            + ": "
            + bytes
            + " bytes for "
            + ROUTES
            + " routes, "
            + bytes / ROUTES
            + " per route");
  }

  private static RouteSpec write(
      String method, int i, Action action, Mode mode, String versionAttribute) {
    return RouteSpec.write(
        method,
        "/r" + i + "/{userId}",
        "users",
        action,
        Map.of(),
        mode,
        versionAttribute,
        true,
        true,
        true);
  }
}
