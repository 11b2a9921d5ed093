package io.dynagate.api;

import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.store.Kind;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The routes of an API open to anyone who reaches them ({@code NONE}, no resource policy). */
@ApplicationScoped
public class PublicRoutes {

  private final Registry registry;
  private final Specs specs;

  public PublicRoutes(Registry registry, Specs specs) {
    this.registry = registry;
    this.specs = specs;
  }

  public List<String> of(Stored api) {
    AccessSpec access = specs.read(api, ApiSpec.class).access();
    return registry.all(Kind.ROUTE, api.ref().name()).stream()
        .map(route -> route.ref().name())
        .filter(route -> AccessSpec.isPublic(access, route))
        .sorted()
        .toList();
  }
}
