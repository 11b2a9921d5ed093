package io.dynagate.store;

/** The kinds of declaration the registry holds. */
public enum Kind {
  TABLE("table"),
  API("api"),
  ROUTE("route");

  private final String prefix;

  Kind(String prefix) {
    this.prefix = prefix;
  }

  /** The partition of this kind; routes are partitioned per API. */
  String partition(String parent) {
    return parent == null ? prefix : prefix + "#" + parent;
  }
}
