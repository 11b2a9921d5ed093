package io.dynagate.emulator.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An IAM user as the emulator keeps it: who signs data-plane requests with an access key, and the
 * identity policies that decide what it may invoke. Immutable.
 *
 * @param userName unique in the account
 * @param userId the unique id ({@code AIDA...})
 * @param path the path, {@code /} by default
 * @param arn {@code arn:aws:iam::ACCOUNT:user/PATH/NAME}
 * @param createDate when it was created, to the second
 * @param tags tags in the order they were added
 * @param inlinePolicies inline policies by name, as JSON text
 * @param accessKeys its access keys (at most two, as IAM allows)
 */
public record User(
    String userName,
    String userId,
    String path,
    String arn,
    Instant createDate,
    Map<String, String> tags,
    SortedMap<String, String> inlinePolicies,
    List<AccessKey> accessKeys) {

  /**
   * An access key.
   *
   * @param accessKeyId {@code AKIA...}
   * @param secretAccessKey the secret; IAM shows it once, the emulator keeps it to check signatures
   * @param status {@code Active} or {@code Inactive}
   * @param createDate when it was created
   */
  public record AccessKey(
      String accessKeyId, String secretAccessKey, String status, Instant createDate) {

    public boolean active() {
      return "Active".equals(status);
    }
  }

  public User {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    inlinePolicies = Collections.unmodifiableSortedMap(new TreeMap<>(inlinePolicies));
    accessKeys = List.copyOf(accessKeys);
  }

  User withInlinePolicies(SortedMap<String, String> next) {
    return new User(userName, userId, path, arn, createDate, tags, next, accessKeys);
  }

  User withAccessKeys(List<AccessKey> next) {
    return new User(userName, userId, path, arn, createDate, tags, inlinePolicies, next);
  }
}
