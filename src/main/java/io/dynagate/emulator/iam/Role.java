package io.dynagate.emulator.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An IAM role as the emulator keeps it; immutable, and what the data plane reads to evaluate
 * access.
 *
 * @param roleName the name, unique in the account
 * @param roleId the unique id ({@code AROA...})
 * @param path the path, {@code /} by default
 * @param arn {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}
 * @param createDate when it was created, to the second
 * @param assumeRolePolicyDocument the trust policy as JSON text (decoded)
 * @param description optional
 * @param maxSessionDuration seconds
 * @param permissionsBoundary ARN of the boundary policy, or null
 * @param tags tags in the order they were added
 * @param inlinePolicies inline policies by name, as JSON text (decoded)
 */
public record Role(
    String roleName,
    String roleId,
    String path,
    String arn,
    Instant createDate,
    String assumeRolePolicyDocument,
    String description,
    int maxSessionDuration,
    String permissionsBoundary,
    Map<String, String> tags,
    SortedMap<String, String> inlinePolicies) {

  public Role {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    inlinePolicies = Collections.unmodifiableSortedMap(new TreeMap<>(inlinePolicies));
  }

  Role withTrustPolicy(String document) {
    return new Role(
        roleName,
        roleId,
        path,
        arn,
        createDate,
        document,
        description,
        maxSessionDuration,
        permissionsBoundary,
        tags,
        inlinePolicies);
  }

  Role withTags(Map<String, String> next) {
    return new Role(
        roleName,
        roleId,
        path,
        arn,
        createDate,
        assumeRolePolicyDocument,
        description,
        maxSessionDuration,
        permissionsBoundary,
        next,
        inlinePolicies);
  }

  Role withInlinePolicies(SortedMap<String, String> next) {
    return new Role(
        roleName,
        roleId,
        path,
        arn,
        createDate,
        assumeRolePolicyDocument,
        description,
        maxSessionDuration,
        permissionsBoundary,
        tags,
        next);
  }
}
