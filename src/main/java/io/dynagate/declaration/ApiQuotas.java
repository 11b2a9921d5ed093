package io.dynagate.declaration;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * API Gateway quotas a declaration must fit, checked when it is declared: past them, the import of
 * the definition would fail at every reconcile pass instead of the declaration being refused.
 */
public final class ApiQuotas {

  /** Resources per REST API, the root {@code /} included (API Gateway's default quota). */
  public static final int RESOURCES_PER_API = 300;

  /** Size of an API definition imported by {@code PutRestApi}: 6 MB. */
  public static final long DEFINITION_BYTES = 6L * 1024 * 1024;

  /**
   * IAM's quota on the aggregate size of a role's inline policies, in characters (white space not
   * counted). The API's role has one inline policy, which grows with its routes and their
   * attributes.
   */
  public static final int ROLE_POLICY_CHARACTERS = 10_240;

  private ApiQuotas() {}

  /** The resources API Gateway creates for these paths: the root and every path prefix. */
  public static int resources(List<String> paths) {
    Set<String> resources = new TreeSet<>(List.of("/"));
    for (String path : paths) {
      PathTemplate.parse(path)
          .template()
          .ifPresent(
              template -> {
                StringBuilder prefix = new StringBuilder();
                for (String segment : template.segments()) {
                  resources.add(prefix.append('/').append(segment).toString());
                }
              });
    }
    return resources.size();
  }

  /** A violation on {@code path} when these paths need more resources than one API may have. */
  public static Optional<Violation> checkResources(List<String> paths) {
    int count = resources(paths);
    if (count <= RESOURCES_PER_API) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            "path",
            "the API would have "
                + count
                + " resources; API Gateway's quota is "
                + RESOURCES_PER_API
                + " resources per API"));
  }

  /** A violation when a definition of {@code bytes} exceeds the import limit. */
  public static Optional<Violation> checkDefinition(long bytes) {
    if (bytes <= DEFINITION_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            "path",
            "the API's definition would be "
                + bytes
                + " bytes; API Gateway's quota is "
                + DEFINITION_BYTES
                + " bytes (6 MB) per imported definition"));
  }

  /** A violation when the role's inline policy of {@code characters} exceeds IAM's quota. */
  public static Optional<Violation> checkRolePolicy(int characters) {
    if (characters <= ROLE_POLICY_CHARACTERS) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            "path",
            "the API's IAM role policy would be "
                + characters
                + " characters; IAM's quota is "
                + ROLE_POLICY_CHARACTERS
                + " characters for a role's inline policies"));
  }
}
