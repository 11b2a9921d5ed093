package io.dynagate.reconcile;

import java.util.Map;
import java.util.Optional;

/** IAM roles and their inline policies. Policy documents go in and out as decoded JSON text. */
public interface RolePort {

  Optional<LiveRole> get(String name);

  LiveRole create(DesiredRole role);

  void updateTrust(String name, String trustPolicy);

  /** The inline policy's document, or empty when the role has no policy of that name. */
  Optional<String> inlinePolicy(String role, String policyName);

  void putInlinePolicy(String role, String policyName, String document);

  /** Deletes the role's inline policies, then the role. */
  void delete(String name);

  record LiveRole(String name, String arn, String trustPolicy, Map<String, String> tags) {}

  record DesiredRole(
      String name,
      String path,
      String trustPolicy,
      Map<String, String> tags,
      Optional<String> permissionsBoundary) {}
}
