package io.dynagate.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * No pass on a declaration change, no periodic pass: passes run only when a test asks, so that the
 * window between a declaration and its pass, and the calls a pass makes, are the test's. Tests with
 * this profile share one application (and so one data directory): their names must differ.
 */
public class PassesOnRequest implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("dynagate.reconcile.on-change", "false", "dynagate.reconcile.interval", "off");
  }
}
