package io.dynagate.preflight;

import java.util.List;

/** Every probe preflight runs, in order: one class per kind of check. */
final class Probes {

  private Probes() {}

  static List<Probe> all() {
    return List.of(
        new FoundItemProbe(),
        new MissingItemProbe(),
        new HostileKeyProbe(),
        new QueryPagesProbe(),
        new WriteProbe(),
        new WriteConflictProbe(),
        new InvalidBodyProbe(),
        new NoPermissionProbe(),
        new RefusedWithoutCredentialsProbe(),
        new AllowedWithCredentialsProbe());
  }
}
