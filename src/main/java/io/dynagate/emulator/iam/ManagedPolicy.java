package io.dynagate.emulator.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A customer managed policy, with its one version ({@code v1}) and the roles it is attached to;
 * immutable, and what the data plane reads beside a role's inline policies.
 *
 * @param policyName unique in the account
 * @param policyId the unique id ({@code ANPA...})
 * @param path {@code /} by default
 * @param arn {@code arn:aws:iam::ACCOUNT:policy/PATH/NAME}
 * @param description optional
 * @param createDate when it was created, to the second
 * @param document the policy document as JSON text (decoded)
 * @param attachedRoles names of the roles it is attached to
 */
public record ManagedPolicy(
    String policyName,
    String policyId,
    String path,
    String arn,
    String description,
    Instant createDate,
    String document,
    SortedSet<String> attachedRoles) {

  public ManagedPolicy {
    attachedRoles =
        Collections.unmodifiableSortedSet(
            new TreeSet<>(attachedRoles == null ? new TreeSet<>() : attachedRoles));
  }

  ManagedPolicy withAttachedRoles(SortedSet<String> next) {
    return new ManagedPolicy(
        policyName, policyId, path, arn, description, createDate, document, next);
  }
}
