package io.dynagate.preflight;

import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import java.util.Optional;

/**
 * A route that requires an API key or a SigV4 signature, called with one the shadow made for the
 * run: it answers as an open route does to its main probe (the item found, the group paged through,
 * the write stored).
 */
final class AllowedWithCredentialsProbe implements Probe {

  @Override
  public String name() {
    return "allowed with credentials";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return ShadowCallers.probed(route) && (route.reads() || Writes.applies(route));
  }

  @Override
  public boolean callsAsClient() {
    return false;
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    Optional<Caller> caller = on.callers().of(route.authorization());
    if (caller.isEmpty()) {
      throw new IllegalStateException("no shadow caller for " + route.authorization());
    }
    Probe answered =
        route.isGetItem()
            ? new FoundItemProbe()
            : route.query() ? new QueryPagesProbe() : new WriteProbe();
    ProbeResult result = answered.run(route, on.as(caller.get()));
    String with =
        route.authorization() == Authorization.API_KEY ? "with an API key" : "signed (SigV4)";
    return new ProbeResult(
        name(),
        result.passed(),
        result.passed() ? null : with + ": " + result.reason(),
        result.request(),
        result.answer());
  }
}
