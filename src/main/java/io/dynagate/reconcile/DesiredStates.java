package io.dynagate.reconcile;

import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteRules;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the {@link Desired} state of an API from its declarations, through the renderer. */
@ApplicationScoped
public class DesiredStates {

  /** Role names are at most 64 characters in IAM. */
  private static final int ROLE_NAME_MAX = 64;

  /** Every generated role lives under this IAM path, so that they are easy to find and fence. */
  public static final String ROLE_PATH = "/dynagate/";

  private final Registry registry;
  private final Specs specs;
  private final AccountPort account;
  private final DynagateConfig config;

  public DesiredStates(Registry registry, Specs specs, AccountPort account, DynagateConfig config) {
    this.registry = registry;
    this.specs = specs;
    this.account = account;
    this.config = config;
  }

  /** A declaration that no longer holds (e.g. a route's table was removed): the pass reports it. */
  public static class InvalidDeclarationException extends RuntimeException {
    public InvalidDeclarationException(String message) {
      super(message);
    }
  }

  /** The desired state, its role trusting the REST API the last pass recorded (if any). */
  public Desired of(Stored api) {
    return from(api, declaration(api));
  }

  /** What {@code declaration}, read from {@code api}'s registry entries, renders to. */
  public Desired from(Stored api, ApiDeclaration declaration) {
    ApiSpec spec = specs.read(api, ApiSpec.class);
    String name = api.ref().name();
    String roleName = declaration.roleName();
    Map<String, TableSpec> tables = declaration.tables();
    Definition definition = ApiRenderer.render(declaration);
    Map<String, String> tags =
        Map.of(
            Desired.API_TAG,
            name,
            "dynagate:owner",
            api.owner(),
            "dynagate:managed-by",
            "dynagate");
    RolePort.DesiredRole role =
        new RolePort.DesiredRole(
            roleName,
            ROLE_PATH,
            definition.trustPolicy(),
            tags,
            config.aws().permissionsBoundary());
    return new Desired(
        name,
        spec.stageOrDefault(),
        spec.description(),
        new RestApiPort.Endpoint(spec.endpointTypeOrDefault().name(), spec.vpcEndpointIds()),
        List.copyOf(new TreeMap<>(tables).values()),
        role,
        declaration.roleArn(),
        policyName(),
        definition.permissionPolicy(),
        definition.openApi(),
        definition.hash(),
        tags,
        spec.throttling() == null
            ? null
            : new Desired.Throttling(
                spec.throttling().rateLimit(), spec.throttling().burstLimit()));
  }

  /**
   * The declarations an API's definition is rendered from, read from the registry now, with the
   * REST API the last pass recorded (if any).
   */
  public ApiDeclaration declaration(Stored api) {
    return declaration(api, registry.all(Kind.ROUTE, api.ref().name()));
  }

  /**
   * The declarations an API's definition is rendered from, with these of its routes (as a pass read
   * them once, so that everything it decides and records is about the same routes).
   */
  public ApiDeclaration declaration(Stored api, List<Stored> apiRoutes) {
    ApiSpec spec = specs.read(api, ApiSpec.class);
    String name = api.ref().name();
    String restApiId = api.status().restApiId();
    List<ApiDeclaration.NamedRoute> routes = new ArrayList<>();
    Map<String, TableSpec> tables = new TreeMap<>();
    for (Stored route : apiRoutes) {
      RouteSpec routeSpec = specs.read(route, RouteSpec.class);
      TableSpec table = tables.computeIfAbsent(routeSpec.table(), this::table);
      List<Violation> violations =
          RouteRules.validate(
              route.ref().name(), routeSpec, t -> Optional.ofNullable(tables.get(t)));
      if (!violations.isEmpty()) {
        throw new InvalidDeclarationException(
            "route " + route.ref().name() + " no longer holds: " + violations.get(0).message());
      }
      routes.add(new ApiDeclaration.NamedRoute(route.ref().name(), routeSpec));
    }
    return new ApiDeclaration(
        name,
        spec,
        routes,
        tables,
        account.region(),
        account.accountId(),
        roleName(name),
        ROLE_PATH,
        restApiId);
  }

  /**
   * The role of an API: {@code PREFIX-API}, shortened with a hash suffix past IAM's 64 characters.
   */
  public String roleName(String api) {
    return roleName(config.reconcile().resourcePrefix(), api);
  }

  static String roleName(String prefix, String api) {
    String name = prefix + "-" + api;
    if (name.length() <= ROLE_NAME_MAX) {
      return name;
    }
    String suffix = sha256(name).substring(0, 8);
    return name.substring(0, ROLE_NAME_MAX - suffix.length() - 1) + "-" + suffix;
  }

  public String policyName() {
    return config.reconcile().resourcePrefix() + "-dynamodb-access";
  }

  private TableSpec table(String name) {
    return registry
        .get(Ref.table(name))
        .filter(t -> !t.deleting())
        .map(t -> specs.read(t, TableSpec.class))
        .orElseThrow(
            () -> new InvalidDeclarationException("table " + name + " is no longer declared"));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
