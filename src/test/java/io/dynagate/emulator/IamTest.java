package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.emulator.iam.IamStore;
import io.dynagate.emulator.iam.Role;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/** IAM and STS through the SDK's Query-protocol clients. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class IamTest {

  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"000000000000\"}}}]}";
  static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\"],\"Resource\":\"arn:aws:dynamodb:us-east-1:000000000000:table/users\"}]}";

  @Inject IamClient iam;
  @Inject StsClient sts;
  @Inject IamStore store;

  @Test
  void roleLifecycleWithPoliciesAndTags() {
    var created =
        iam.createRole(
                b ->
                    b.roleName("users-api")
                        .path("/dynagate/")
                        .assumeRolePolicyDocument(TRUST)
                        .description("users")
                        .permissionsBoundary("arn:aws:iam::000000000000:policy/boundary")
                        .tags(tag("owner", "team-a")))
            .role();
    assertEquals("arn:aws:iam::000000000000:role/dynagate/users-api", created.arn());
    assertTrue(created.roleId().matches("AROA[A-Z0-9]{17}"), created.roleId());
    assertEquals(TRUST, decode(created.assumeRolePolicyDocument()));
    assertEquals(
        "arn:aws:iam::000000000000:policy/boundary",
        created.permissionsBoundary().permissionsBoundaryArn());
    assertThrows(
        EntityAlreadyExistsException.class,
        () -> iam.createRole(b -> b.roleName("users-api").assumeRolePolicyDocument(TRUST)));

    var fetched = iam.getRole(b -> b.roleName("users-api")).role();
    assertEquals("users", fetched.description());
    assertEquals(List.of(tag("owner", "team-a")), fetched.tags());
    assertEquals(created.createDate(), fetched.createDate());

    String newTrust = TRUST.replace("000000000000\"}", "111111111111\"}");
    iam.updateAssumeRolePolicy(b -> b.roleName("users-api").policyDocument(newTrust));
    assertEquals(
        newTrust,
        decode(iam.getRole(b -> b.roleName("users-api")).role().assumeRolePolicyDocument()));

    iam.putRolePolicy(b -> b.roleName("users-api").policyName("dynamodb").policyDocument(POLICY));
    var policy = iam.getRolePolicy(b -> b.roleName("users-api").policyName("dynamodb"));
    assertTrue(
        policy.policyDocument().startsWith("%7B%22Version%22"),
        "IAM answers policy documents URL-encoded");
    assertEquals(POLICY, decode(policy.policyDocument()));
    assertEquals(
        List.of("dynamodb"), iam.listRolePolicies(b -> b.roleName("users-api")).policyNames());
    Role view = store.roleByArn(created.arn()).orElseThrow();
    assertEquals(Map.of("dynamodb", POLICY), view.inlinePolicies());
    assertEquals(newTrust, view.assumeRolePolicyDocument());

    iam.tagRole(b -> b.roleName("users-api").tags(tag("app", "users"), tag("owner", "team-b")));
    iam.untagRole(b -> b.roleName("users-api").tagKeys("app"));
    assertEquals(
        List.of(tag("owner", "team-b")), iam.listRoleTags(b -> b.roleName("users-api")).tags());

    assertThrows(DeleteConflictException.class, () -> iam.deleteRole(b -> b.roleName("users-api")));
    iam.deleteRolePolicy(b -> b.roleName("users-api").policyName("dynamodb"));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.getRolePolicy(b -> b.roleName("users-api").policyName("dynamodb")));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.deleteRolePolicy(b -> b.roleName("users-api").policyName("dynamodb")));
    iam.deleteRole(b -> b.roleName("users-api"));
    NoSuchEntityException missing =
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("users-api")));
    assertEquals(404, missing.statusCode());
    assertFalse(store.role("users-api").isPresent());
  }

  @Test
  void malformedPoliciesAndUnknownRolesAreRefused() {
    assertThrows(
        MalformedPolicyDocumentException.class,
        () -> iam.createRole(b -> b.roleName("bad-trust").assumeRolePolicyDocument("{not json")));
    assertThrows(
        MalformedPolicyDocumentException.class,
        () ->
            iam.createRole(
                b ->
                    b.roleName("bad-trust")
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\"}")));
    iam.createRole(b -> b.roleName("strict").assumeRolePolicyDocument(TRUST));
    assertThrows(
        MalformedPolicyDocumentException.class,
        () -> iam.putRolePolicy(b -> b.roleName("strict").policyName("p").policyDocument("[]")));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.putRolePolicy(b -> b.roleName("nobody").policyName("p").policyDocument(POLICY)));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.updateAssumeRolePolicy(b -> b.roleName("nobody").policyDocument(TRUST)));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.tagRole(b -> b.roleName("nobody").tags(tag("a", "b"))));
    assertThrows(NoSuchEntityException.class, () -> iam.deleteRole(b -> b.roleName("nobody")));
  }

  @Test
  void inlinePoliciesPastIamsAggregateQuotaAreRefusedAndNothingChanges() {
    iam.createRole(b -> b.roleName("quota-role").assumeRolePolicyDocument(TRUST));
    String half = policy("a".repeat(5000));
    iam.putRolePolicy(b -> b.roleName("quota-role").policyName("one").policyDocument(half));
    // white space is not counted: the same policy indented still fits beside the first
    String indented = half.replace(",", ",\n      ");
    iam.putRolePolicy(b -> b.roleName("quota-role").policyName("two").policyDocument(indented));
    var refused =
        assertThrows(
            software.amazon.awssdk.services.iam.model.LimitExceededException.class,
            () ->
                iam.putRolePolicy(
                    b -> b.roleName("quota-role").policyName("three").policyDocument(half)));
    assertTrue(
        refused.getMessage().contains("Maximum policy size of 10240 bytes exceeded for role"),
        refused.getMessage());
    assertEquals(
        List.of("one", "two"), iam.listRolePolicies(b -> b.roleName("quota-role")).policyNames());
  }

  private static String policy(String sid) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\""
        + sid
        + "\",\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}";
  }

  @Test
  void listRolesFiltersByPathAndPages() {
    for (int i = 0; i < 5; i++) {
      String name = "paged-" + i;
      iam.createRole(b -> b.roleName(name).path("/paged/").assumeRolePolicyDocument(TRUST));
    }
    iam.createRole(b -> b.roleName("elsewhere").path("/other/").assumeRolePolicyDocument(TRUST));
    List<String> names = new ArrayList<>();
    String marker = null;
    do {
      String from = marker;
      ListRolesResponse page = iam.listRoles(b -> b.pathPrefix("/paged/").maxItems(2).marker(from));
      page.roles().forEach(role -> names.add(role.roleName()));
      assertEquals(page.marker() != null, page.isTruncated());
      marker = page.marker();
    } while (marker != null);
    assertEquals(List.of("paged-0", "paged-1", "paged-2", "paged-3", "paged-4"), names);
  }

  @Test
  void callerIdentityIsTheConfiguredAccount() {
    var identity = sts.getCallerIdentity();
    assertEquals("000000000000", identity.account());
    assertEquals("arn:aws:iam::000000000000:root", identity.arn());
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static String decode(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }
}
