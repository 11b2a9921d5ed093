package io.dynagate.preflight;

import io.dynagate.preflight.PreflightReport.ProbeResult;

/** GetItem of a stored item: 200, valid JSON, the item's plain shape. */
final class FoundItemProbe implements Probe {

  @Override
  public String name() {
    return "found item";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return route.isGetItem();
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    StageClient stage = on.stage();
    return Checks.found(
        name(), route, route.fixture().items(TableFixture.Variant.PLAIN).get(0), stage);
  }
}
