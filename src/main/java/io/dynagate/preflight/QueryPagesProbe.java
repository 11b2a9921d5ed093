package io.dynagate.preflight;

import io.dynagate.preflight.PreflightReport.ProbeResult;

/** A Query route paged one item at a time: every page valid, the cursor round trip, all items. */
final class QueryPagesProbe implements Probe {

  @Override
  public String name() {
    return "query pages";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return route.query();
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    StageClient stage = on.stage();
    return Checks.pages(name(), route, QueryGroup.of(route, TableFixture.Variant.PLAIN), stage);
  }
}
