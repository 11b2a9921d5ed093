package io.dynagate.preflight;

import io.dynagate.config.DynagateConfig;
import io.dynagate.reconcile.Desired;
import io.dynagate.reconcile.PreflightPort;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.Definition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The reconciler's preflight: the exact texts the pass would put on AWS (its desired definition,
 * trust and permission policies), proved on the shadow. With {@code dynagate.preflight.enabled}
 * off, every definition passes unproved.
 */
@ApplicationScoped
public class ReconcilePreflight implements PreflightPort {

  private final PreflightRunner runner;
  private final boolean enabled;

  public ReconcilePreflight(PreflightRunner runner, DynagateConfig config) {
    this.runner = runner;
    this.enabled = config.preflight().enabled();
  }

  @Override
  public Proof prove(ApiDeclaration declaration, Desired desired) {
    if (!enabled) {
      return new Proof(true, "preflight disabled (dynagate.preflight.enabled=false)", List.of());
    }
    Definition definition =
        new Definition(
            desired.openApi(),
            desired.role().trustPolicy(),
            desired.permissionPolicy(),
            desired.role().name(),
            desired.definitionHash());
    PreflightReport report;
    try {
      report =
          runner.prove(new Subject(declaration, definition, desired.stage(), desired.policyName()));
    } catch (RuntimeException e) {
      throw new Unavailable("preflight could not run: " + e.getMessage(), e);
    }
    return new Proof(
        report.passed(),
        report.summary(),
        report.routes().stream()
            .map(
                route ->
                    new RouteOutcome(
                        route.route(),
                        route.passed(),
                        route.probes().stream()
                            .filter(p -> !p.passed())
                            .findFirst()
                            .map(p -> new PreflightReport.Failure(route.route(), p).describe())
                            .orElse(null)))
            .toList());
  }
}
