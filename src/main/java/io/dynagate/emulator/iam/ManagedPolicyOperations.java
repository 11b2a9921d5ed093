package io.dynagate.emulator.iam;

import static io.dynagate.emulator.iam.IamControlPlane.noSuchRole;
import static io.dynagate.emulator.iam.IamControlPlane.required;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.Ids;
import io.dynagate.emulator.core.Xml;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Customer managed policies and their attachment to roles. Each policy has one version, {@code v1}:
 * versions beyond it are not emulated.
 */
@ApplicationScoped
class ManagedPolicyOperations {

  static final Set<String> OPERATIONS =
      Set.of(
          "CreatePolicy",
          "GetPolicy",
          "GetPolicyVersion",
          "DeletePolicy",
          "ListPolicies",
          "AttachRolePolicy",
          "DetachRolePolicy",
          "ListAttachedRolePolicies");
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
  private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]*/");
  private static final String VERSION = "v1";

  private final ManagedPolicyStore policies;
  private final IamStore roles;
  private final String accountId;

  ManagedPolicyOperations(ManagedPolicyStore policies, IamStore roles, EmulatorSettings settings) {
    this.policies = policies;
    this.roles = roles;
    this.accountId = settings.accountId();
  }

  String execute(String operation, Map<String, String> parameters) {
    return switch (operation) {
      case "CreatePolicy" -> create(parameters);
      case "GetPolicy" -> policyResult(find(parameters));
      case "GetPolicyVersion" -> version(parameters);
      case "DeletePolicy" -> delete(parameters);
      case "ListPolicies" -> list(parameters);
      case "AttachRolePolicy" -> attach(parameters, true);
      case "DetachRolePolicy" -> attach(parameters, false);
      case "ListAttachedRolePolicies" -> listAttached(parameters);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private String create(Map<String, String> parameters) {
    String name = required(parameters, "PolicyName");
    if (!NAME.matcher(name).matches()) {
      throw new AwsError(400, "ValidationError", "The specified value for policyName is invalid.");
    }
    String path = parameters.getOrDefault("Path", "/");
    if (!PATH.matcher(path).matches() || path.length() > 512) {
      throw new AwsError(400, "ValidationError", "The specified value for path is invalid.");
    }
    String document = PolicyDocuments.require(parameters.get("PolicyDocument"), "policyDocument");
    ManagedPolicy policy =
        new ManagedPolicy(
            name,
            Ids.iam("ANPA"),
            path,
            "arn:aws:iam::" + accountId + ":policy" + path + name,
            parameters.get("Description"),
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            document,
            new TreeSet<>());
    if (!policies.create(policy)) {
      throw new AwsError(
          409,
          "EntityAlreadyExists",
          "A policy called " + name + " already exists. Duplicate names are not allowed.");
    }
    return policyResult(policy);
  }

  private String version(Map<String, String> parameters) {
    ManagedPolicy policy = find(parameters);
    String versionId = required(parameters, "VersionId");
    if (!versionId.equals(VERSION)) {
      throw new AwsError(
          404,
          "NoSuchEntity",
          "Policy "
              + policy.arn()
              + " version "
              + versionId
              + " does not exist or is not attachable.");
    }
    return new Xml()
        .open("PolicyVersion")
        .text("Document", IamXml.encode(policy.document()))
        .text("VersionId", VERSION)
        .text("IsDefaultVersion", true)
        .text("CreateDate", policy.createDate())
        .close("PolicyVersion")
        .toString();
  }

  private String delete(Map<String, String> parameters) {
    ManagedPolicy policy = find(parameters);
    if (!policies.deleteIfDetached(policy)) {
      throw new AwsError(409, "DeleteConflict", "Cannot delete a policy attached to entities.");
    }
    return null;
  }

  /** Customer managed policies only: the emulator keeps none of AWS's own. */
  private String list(Map<String, String> parameters) {
    String scope = parameters.getOrDefault("Scope", "All");
    String prefix = parameters.getOrDefault("PathPrefix", "/");
    boolean onlyAttached = Boolean.parseBoolean(parameters.getOrDefault("OnlyAttached", "false"));
    List<ManagedPolicy> matching =
        policies.policies().stream()
            .filter(p -> !scope.equals("AWS"))
            .filter(p -> p.path().startsWith(prefix))
            .filter(p -> !onlyAttached || !p.attachedRoles().isEmpty())
            .toList();
    IamPage<ManagedPolicy> page =
        IamPage.of(
            matching, ManagedPolicy::arn, parameters.get("Marker"), parameters.get("MaxItems"));
    Xml xml = new Xml().open("Policies");
    page.items().forEach(p -> policy(xml.open("member"), p).close("member"));
    return page.appendTruncation(xml.close("Policies")).toString();
  }

  private String attach(Map<String, String> parameters, boolean attach) {
    String roleName = required(parameters, "RoleName");
    String arn = required(parameters, "PolicyArn");
    if (roles.role(roleName).isEmpty()) {
      throw noSuchRole(roleName);
    }
    ManagedPolicy policy = policies.policy(arn).orElseThrow(() -> notAttachable(arn));
    if (!attach && !policy.attachedRoles().contains(roleName)) {
      throw new AwsError(404, "NoSuchEntity", "Policy " + arn + " was not found.");
    }
    if (!policies.attach(arn, roleName, attach)) {
      throw attach ? noSuchRole(roleName) : notAttachable(arn);
    }
    return null;
  }

  private String listAttached(Map<String, String> parameters) {
    String roleName = required(parameters, "RoleName");
    if (roles.role(roleName).isEmpty()) {
      throw noSuchRole(roleName);
    }
    String prefix = parameters.getOrDefault("PathPrefix", "/");
    List<ManagedPolicy> attached =
        policies.attachedTo(roleName).stream().filter(p -> p.path().startsWith(prefix)).toList();
    IamPage<ManagedPolicy> page =
        IamPage.of(
            attached, ManagedPolicy::arn, parameters.get("Marker"), parameters.get("MaxItems"));
    Xml xml = new Xml().open("AttachedPolicies");
    page.items()
        .forEach(
            p ->
                xml.open("member")
                    .text("PolicyName", p.policyName())
                    .text("PolicyArn", p.arn())
                    .close("member"));
    return page.appendTruncation(xml.close("AttachedPolicies")).toString();
  }

  private ManagedPolicy find(Map<String, String> parameters) {
    String arn = required(parameters, "PolicyArn");
    return policies.policy(arn).orElseThrow(() -> notAttachable(arn));
  }

  private String policyResult(ManagedPolicy policy) {
    return policy(new Xml().open("Policy"), policy).close("Policy").toString();
  }

  private static Xml policy(Xml xml, ManagedPolicy policy) {
    return xml.text("PolicyName", policy.policyName())
        .text("PolicyId", policy.policyId())
        .text("Arn", policy.arn())
        .text("Path", policy.path())
        .text("DefaultVersionId", VERSION)
        .text("AttachmentCount", policy.attachedRoles().size())
        .text("PermissionsBoundaryUsageCount", 0)
        .text("IsAttachable", true)
        .text("Description", policy.description())
        .text("CreateDate", policy.createDate())
        .text("UpdateDate", policy.createDate());
  }

  private static AwsError notAttachable(String arn) {
    return new AwsError(
        404, "NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.");
  }
}
