package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.iam.IamStore;
import io.dynagate.emulator.iam.ManagedPolicy;
import io.dynagate.emulator.iam.ManagedPolicyStore;
import io.dynagate.emulator.iam.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an integration's credentials role may do, read from the emulator's IAM. A role's policies
 * are parsed once per version of the role, and each decision on them is kept with that version: IAM
 * roles are immutable values, so a changed role (trust policy, inline policy) is a new object, the
 * cache notices by identity and the next call evaluates the new policies. Customer managed policies
 * attached to the role count like inline ones; a changed attachment is a new list of policies,
 * which the cache compares as well.
 */
@ApplicationScoped
class RoleAccess {

  static final String API_GATEWAY = "apigateway.amazonaws.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A role with its trust policy and inline policies parsed, and the decisions taken on them. */
  static final class Parsed {
    // Bounded by the routes and tables that name the role; cleared if that ever runs away.
    private static final int KEPT_DECISIONS = 10_000;

    private final Role role;
    private final List<ManagedPolicy> attached;
    private final Policy trust;
    private final List<Policy> permissions;
    private final Map<Policy.Request, Policy.Decision> decisions = new ConcurrentHashMap<>();
    private final Set<String> conditionKeys = new HashSet<>();

    Parsed(Role role, List<ManagedPolicy> attached, Policy trust, List<Policy> permissions) {
      this.role = role;
      this.attached = attached;
      this.trust = trust;
      this.permissions = permissions;
      permissions.forEach(p -> conditionKeys.addAll(p.conditionKeyNames()));
    }

    /** Whether any permission policy tests {@code key} (lower case), e.g. to read it only then. */
    boolean tests(String key) {
      return conditionKeys.contains(key);
    }

    Role role() {
      return role;
    }

    /** The inline and attached policies' decision on {@code action} on {@code resource}. */
    Policy.Decision permits(String action, String resource) {
      return permits(action, resource, Map.of());
    }

    /** The same, with multi-valued condition keys read from the request. */
    Policy.Decision permits(String action, String resource, Map<String, List<String>> multiValued) {
      return decide(permissions, new Policy.Request(action, resource, null, Map.of(), multiValued));
    }

    private boolean trusts(Map<String, String> conditionKeys) {
      Policy.Request assume =
          new Policy.Request("sts:AssumeRole", null, API_GATEWAY, conditionKeys);
      return decide(List.of(trust), assume) == Policy.Decision.ALLOW;
    }

    // Policy.evaluate is a pure function of this version's policies and the request.
    private Policy.Decision decide(List<Policy> policies, Policy.Request request) {
      Policy.Decision decision = decisions.get(request);
      if (decision == null) {
        decision = Policy.evaluate(policies, request);
        if (decisions.size() >= KEPT_DECISIONS) {
          decisions.clear();
        }
        decisions.put(request, decision);
      }
      return decision;
    }
  }

  private final IamStore iam;
  private final ManagedPolicyStore managed;
  private final Map<String, Parsed> byArn = new ConcurrentHashMap<>();

  RoleAccess(IamStore iam, ManagedPolicyStore managed) {
    this.iam = iam;
    this.managed = managed;
  }

  /**
   * The role API Gateway may assume for a call, or empty when it does not exist or does not trust
   * API Gateway with these condition keys (e.g. {@code aws:SourceAccount}).
   */
  Optional<Parsed> assume(String roleArn, Map<String, String> conditionKeys) {
    return parsed(roleArn).filter(role -> role.trusts(conditionKeys));
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
    List<ManagedPolicy> attached = managed.attachedTo(role.roleName());
    Parsed cached = byArn.get(roleArn);
    if (cached != null && cached.role() == role && cached.attached.equals(attached)) {
      return Optional.of(cached);
    }
    List<String> documents = new ArrayList<>(role.inlinePolicies().values());
    attached.forEach(policy -> documents.add(policy.document()));
    Parsed fresh =
        new Parsed(
            role,
            attached,
            Policy.parse(read(role.assumeRolePolicyDocument())),
            documents.stream().map(RoleAccess::read).map(Policy::parse).toList());
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
