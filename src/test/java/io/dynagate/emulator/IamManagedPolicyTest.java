package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/** Customer managed policies and their attachment to roles, through the SDK's IamClient. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class IamManagedPolicyTest {

  @Inject IamClient iam;

  @Test
  void aPolicyIsCreatedAttachedListedDetachedAndDeleted() {
    iam.createRole(b -> b.roleName("mp-role").assumeRolePolicyDocument(IamTest.TRUST));
    var created =
        iam.createPolicy(
                b ->
                    b.policyName("mp-read")
                        .path("/dynagate/")
                        .description("read users")
                        .policyDocument(IamTest.POLICY))
            .policy();
    assertEquals("arn:aws:iam::000000000000:policy/dynagate/mp-read", created.arn());
    assertTrue(created.policyId().matches("ANPA[A-Z0-9]{17}"), created.policyId());
    assertEquals("v1", created.defaultVersionId());
    assertEquals(0, created.attachmentCount());
    String arn = created.arn();

    assertThrows(
        EntityAlreadyExistsException.class,
        () -> iam.createPolicy(b -> b.policyName("mp-read").policyDocument(IamTest.POLICY)));
    var version = iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v1")).policyVersion();
    assertEquals(IamTest.POLICY, URLDecoder.decode(version.document(), StandardCharsets.UTF_8));
    assertTrue(version.isDefaultVersion());
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v2")));

    iam.attachRolePolicy(b -> b.roleName("mp-role").policyArn(arn));
    iam.attachRolePolicy(b -> b.roleName("mp-role").policyArn(arn));
    assertEquals(1, iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount());
    List<AttachedPolicy> attached =
        iam.listAttachedRolePolicies(b -> b.roleName("mp-role")).attachedPolicies();
    assertEquals(1, attached.size());
    assertEquals("mp-read", attached.get(0).policyName());
    assertEquals(arn, attached.get(0).policyArn());
    assertTrue(
        iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL).onlyAttached(true)).policies().stream()
            .anyMatch(p -> p.arn().equals(arn)));
    assertTrue(iam.listPolicies(b -> b.scope(PolicyScopeType.AWS)).policies().isEmpty());

    assertThrows(DeleteConflictException.class, () -> iam.deletePolicy(b -> b.policyArn(arn)));
    assertThrows(DeleteConflictException.class, () -> iam.deleteRole(b -> b.roleName("mp-role")));
    iam.getRole(b -> b.roleName("mp-role"));

    iam.detachRolePolicy(b -> b.roleName("mp-role").policyArn(arn));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.detachRolePolicy(b -> b.roleName("mp-role").policyArn(arn)));
    assertTrue(
        iam.listAttachedRolePolicies(b -> b.roleName("mp-role")).attachedPolicies().isEmpty());
    iam.deletePolicy(b -> b.policyArn(arn));
    assertThrows(NoSuchEntityException.class, () -> iam.getPolicy(b -> b.policyArn(arn)));
    iam.deleteRole(b -> b.roleName("mp-role"));
  }

  @Test
  void unknownNamesAreNoSuchEntity() {
    String missing = "arn:aws:iam::000000000000:policy/nope";
    iam.createRole(b -> b.roleName("mp-lonely").assumeRolePolicyDocument(IamTest.TRUST));
    assertThrows(NoSuchEntityException.class, () -> iam.getPolicy(b -> b.policyArn(missing)));
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.attachRolePolicy(b -> b.roleName("mp-lonely").policyArn(missing)));
    assertThrows(NoSuchEntityException.class, () -> iam.deletePolicy(b -> b.policyArn(missing)));
    String arn =
        iam.createPolicy(b -> b.policyName("mp-orphan").policyDocument(IamTest.POLICY))
            .policy()
            .arn();
    assertThrows(
        NoSuchEntityException.class,
        () -> iam.attachRolePolicy(b -> b.roleName("nobody").policyArn(arn)));
    assertThrows(
        NoSuchEntityException.class, () -> iam.listAttachedRolePolicies(b -> b.roleName("nobody")));
    assertEquals(0, iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount());
  }

  @Test
  void aRoleDeletedWhileFiftyAttachmentsRaceIsNeverLeftWithAnAttachment() throws Exception {
    for (int round = 0; round < 5; round++) {
      String role = "mp-race-" + round;
      iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(IamTest.TRUST));
      List<String> arns = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = i;
        arns.add(
            iam.createPolicy(b -> b.policyName(role + "-p" + n).policyDocument(IamTest.POLICY))
                .policy()
                .arn());
      }
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> tries = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String arn = arns.get(i % arns.size());
        boolean delete = i % 10 == 5;
        tries.add(
            pool.submit(
                () -> {
                  try {
                    if (delete) {
                      iam.deleteRole(b -> b.roleName(role));
                    } else {
                      iam.attachRolePolicy(b -> b.roleName(role).policyArn(arn));
                    }
                  } catch (DeleteConflictException | NoSuchEntityException refused) {
                    // either outcome is AWS's; what matters is the state after
                  }
                }));
      }
      for (Future<?> attempt : tries) {
        attempt.get();
      }
      pool.shutdown();
      boolean roleExists;
      try {
        iam.getRole(b -> b.roleName(role));
        roleExists = true;
      } catch (NoSuchEntityException gone) {
        roleExists = false;
      }
      long attachments =
          arns.stream()
              .mapToLong(arn -> iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount())
              .sum();
      if (!roleExists) {
        assertEquals(0, attachments, "a deleted role kept attachments");
      }
    }
  }
}
