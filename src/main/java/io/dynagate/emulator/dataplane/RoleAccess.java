package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.iam.IamStore;
import io.dynagate.emulator.iam.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an integration's credentials role may do, read from the emulator's IAM. A role's policies
 * are parsed once per version of the role: IAM roles are immutable values, so a changed role is a
 * new object and the cache notices by identity.
 */
@ApplicationScoped
class RoleAccess {

  static final String API_GATEWAY = "apigateway.amazonaws.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A role with its trust policy and inline policies parsed. */
  record Parsed(Role role, Policy trust, List<Policy> permissions) {}

  private final IamStore iam;
  private final Map<String, Parsed> byArn = new ConcurrentHashMap<>();

  RoleAccess(IamStore iam) {
    this.iam = iam;
  }

  /**
   * The role API Gateway may assume for a call, or empty when it does not exist or does not trust
   * API Gateway with these condition keys (e.g. {@code aws:SourceAccount}).
   */
  Optional<Parsed> assume(String roleArn, Map<String, String> conditionKeys) {
    Optional<Parsed> role = parsed(roleArn);
    Policy.Request assume = new Policy.Request("sts:AssumeRole", null, API_GATEWAY, conditionKeys);
    return role.filter(r -> Policy.evaluate(List.of(r.trust()), assume) == Policy.Decision.ALLOW);
  }

  private Optional<Parsed> parsed(String roleArn) {
    if (roleArn == null) {
      return Optional.empty();
    }
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    Optional<Role> current = iam.role(name).filter(r -> r.arn().equals(roleArn));
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Role role = current.get();
    Parsed cached = byArn.get(roleArn);
    if (cached != null && cached.role() == role) {
      return Optional.of(cached);
    }
    Parsed fresh =
        new Parsed(
            role,
            Policy.parse(read(role.assumeRolePolicyDocument())),
            role.inlinePolicies().values().stream()
                .map(RoleAccess::read)
                .map(Policy::parse)
                .toList());
    byArn.put(roleArn, fresh);
    return Optional.of(fresh);
  }

  private static JsonNode read(String document) {
    try {
      return document == null ? null : JSON.readTree(document);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
