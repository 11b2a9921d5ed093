package io.dynagate.api;

import io.dynagate.declaration.ApiQuotas;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.Violation;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiRenderer;
import io.dynagate.render.Definition;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Refuses a route whose API would pass API Gateway's or IAM's quotas ({@link ApiQuotas}) once it is
 * declared: the API's other routes plus this one are counted as resources, then rendered and the
 * definition and the role's policy measured. Another route declared at the same moment is not seen:
 * the quotas hold for declarations made one after the other.
 */
@ApplicationScoped
public class ApiQuotaCheck {

  // The longest region and account a definition names: the measure errs on the large side.
  private static final String REGION = "ap-southeast-1";
  private static final String ACCOUNT = "000000000000";

  private final Registry registry;
  private final Specs specs;

  public ApiQuotaCheck(Registry registry, Specs specs) {
    this.registry = registry;
    this.specs = specs;
  }

  /** 400 naming the quota when declaring {@code spec} as route {@code name} would pass one. */
  public void require(Stored api, String name, RouteSpec spec) {
    List<ApiDeclaration.NamedRoute> routes = new ArrayList<>();
    for (Stored route : registry.all(Kind.ROUTE, api.ref().name())) {
      if (!route.ref().name().equals(name) && !route.deleting()) {
        routes.add(new ApiDeclaration.NamedRoute(route.ref().name(), read(route)));
      }
    }
    routes.add(new ApiDeclaration.NamedRoute(name, spec));
    Optional<Violation> tooMany =
        ApiQuotas.checkResources(routes.stream().map(r -> r.spec().path()).toList());
    if (tooMany.isPresent()) {
      throw ApiException.invalid(List.of(tooMany.get()));
    }
    Map<String, TableSpec> tables = new TreeMap<>();
    for (ApiDeclaration.NamedRoute route : routes) {
      String table = route.spec().table();
      if (!tables.containsKey(table)) {
        Optional<Stored> stored = registry.get(Ref.table(table));
        if (stored.isEmpty()) {
          return; // a route that no longer holds; the reconciler reports it
        }
        tables.put(table, specs.read(stored.get(), TableSpec.class));
      }
    }
    ApiSpec apiSpec = specs.read(api, ApiSpec.class);
    String apiName = api.ref().name();
    ApiDeclaration declaration =
        new ApiDeclaration(
            apiName, apiSpec, routes, tables, REGION, ACCOUNT, "dynagate-" + apiName);
    Definition definition;
    try {
      definition = ApiRenderer.render(declaration);
    } catch (IllegalArgumentException e) {
      return; // two routes on one method: the reconciler reports the clash
    }
    List<Violation> over = new ArrayList<>();
    ApiQuotas.checkDefinition(definition.openApi().getBytes(StandardCharsets.UTF_8).length)
        .ifPresent(over::add);
    ApiQuotas.checkRolePolicy(definition.permissionPolicySize()).ifPresent(over::add);
    if (!over.isEmpty()) {
      throw ApiException.invalid(over);
    }
  }

  private RouteSpec read(Stored route) {
    return specs.read(route, RouteSpec.class);
  }
}
