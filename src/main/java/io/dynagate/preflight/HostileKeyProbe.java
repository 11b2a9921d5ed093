package io.dynagate.preflight;

import io.dynagate.preflight.PreflightReport.ProbeResult;

/**
 * The items whose keys and values are built to break templates and URLs (quotes, backslashes, VTL
 * syntax, percent signs, slashes, unicode, edge numbers, long strings): found, and intact.
 */
final class HostileKeyProbe implements Probe {

  @Override
  public String name() {
    return "hostile keys";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return route.reads();
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    StageClient stage = on.stage();
    if (route.query()) {
      return Checks.pages(name(), route, QueryGroup.of(route, TableFixture.Variant.HOSTILE), stage);
    }
    return Checks.found(
        name(), route, route.fixture().items(TableFixture.Variant.HOSTILE).get(0), stage);
  }
}
