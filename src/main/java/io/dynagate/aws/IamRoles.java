package io.dynagate.aws;

import io.dynagate.reconcile.AwsFailure;
import io.dynagate.reconcile.RolePort;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@link RolePort} on IAM. IAM answers policy documents URL-encoded (the SDK does not decode them);
 * this adapter decodes, so the reconciler compares plain JSON.
 */
@ApplicationScoped
public class IamRoles implements RolePort {

  private final IamClient iam;

  public IamRoles(IamClient iam) {
    this.iam = iam;
  }

  @Override
  public Optional<LiveRole> get(String name) {
    return absentIfNotFound(
        () -> {
          Role role = AwsErrors.call("GetRole", () -> iam.getRole(b -> b.roleName(name)).role());
          Map<String, String> tags =
              role.hasTags() && !role.tags().isEmpty()
                  ? tags(role.tags())
                  : tags(
                      AwsErrors.call(
                          "ListRoleTags", () -> iam.listRoleTags(b -> b.roleName(name)).tags()));
          return new LiveRole(
              role.roleName(), role.arn(), decode(role.assumeRolePolicyDocument()), tags);
        });
  }

  @Override
  public LiveRole create(DesiredRole role) {
    CreateRoleRequest.Builder request =
        CreateRoleRequest.builder()
            .roleName(role.name())
            .path(role.path())
            .assumeRolePolicyDocument(role.trustPolicy())
            .description("Made by Dynagate: API Gateway calls DynamoDB as this role")
            .tags(
                role.tags().entrySet().stream()
                    .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                    .toList());
    role.permissionsBoundary().ifPresent(request::permissionsBoundary);
    Role created = AwsErrors.call("CreateRole", () -> iam.createRole(request.build()).role());
    return new LiveRole(created.roleName(), created.arn(), role.trustPolicy(), role.tags());
  }

  @Override
  public void updateTrust(String name, String trustPolicy) {
    AwsErrors.run(
        "UpdateAssumeRolePolicy",
        () -> iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(trustPolicy)));
  }

  @Override
  public Optional<String> inlinePolicy(String role, String policyName) {
    return absentIfNotFound(
        () ->
            decode(
                AwsErrors.call(
                    "GetRolePolicy",
                    () ->
                        iam.getRolePolicy(b -> b.roleName(role).policyName(policyName))
                            .policyDocument())));
  }

  @Override
  public void putInlinePolicy(String role, String policyName, String document) {
    AwsErrors.run(
        "PutRolePolicy",
        () ->
            iam.putRolePolicy(
                b -> b.roleName(role).policyName(policyName).policyDocument(document)));
  }

  @Override
  public void delete(String name) {
    List<String> policies =
        AwsErrors.call(
            "ListRolePolicies",
            () ->
                iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream()
                    .toList());
    for (String policy : policies) {
      AwsErrors.run(
          "DeleteRolePolicy", () -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
    }
    AwsErrors.run("DeleteRole", () -> iam.deleteRole(b -> b.roleName(name)));
  }

  private static <T> Optional<T> absentIfNotFound(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (AwsFailure e) {
      if (e.kind() == AwsFailure.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
  }

  private static String decode(String document) {
    return document == null ? null : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }
}
