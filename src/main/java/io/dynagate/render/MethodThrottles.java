package io.dynagate.render;

import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.ApiSpec;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-route throttling as stage method settings, beside the stage's own ({@code *}/{@code *}):
 * keyed by the {@code UpdateStage} patch path of the method, {@code /~1RESOURCE~1PATH/METHOD}, so
 * that a reconciler patches {@code KEY/throttling/rateLimit} and {@code KEY/throttling/burstLimit}.
 */
public final class MethodThrottles {

  private MethodThrottles() {}

  public static Map<String, ApiSpec.Throttling> of(ApiDeclaration api) {
    Map<String, ApiSpec.Throttling> settings = new TreeMap<>();
    AccessSpec access = api.api().access();
    if (access == null) {
      return settings;
    }
    for (ApiDeclaration.NamedRoute route : api.routes()) {
      AccessSpec.RouteAccess own = access.routes().get(route.name());
      if (own != null && own.throttling() != null) {
        settings.put(
            "/"
                + route.spec().path().replace("/", "~1")
                + "/"
                + route.spec().method().toUpperCase(Locale.ROOT),
            own.throttling());
      }
    }
    return settings;
  }
}
