package io.dynagate.store;

/** The kinds of declaration the registry holds. */
public enum Kind {
  TABLE("table"),
  API("api"),
  ROUTE("route"),
  /** A team consuming an API (API key and usage plan), partitioned per API like routes. */
  CONSUMER("consumer");

  private final String prefix;

  Kind(String prefix) {
    this.prefix = prefix;
  }

  /** The partition of this kind; routes and consumers are partitioned per API. */
  String partition(String parent) {
    return parent == null ? prefix : prefix + "#" + parent;
  }
}
