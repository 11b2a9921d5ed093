package io.dynagate.bundle;

/**
 * One item of an apply's diff.
 *
 * @param action {@code create}, {@code update}, {@code unchanged} or {@code delete} (pruned)
 * @param kind {@code table}, {@code api} or {@code route}
 * @param name the table's or API's name, or {@code api/route}
 */
public record BundleChange(String action, String kind, String name) {

  boolean writes() {
    return !action.equals("unchanged");
  }
}
