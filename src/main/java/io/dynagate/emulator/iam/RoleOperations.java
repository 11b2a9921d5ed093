package io.dynagate.emulator.iam;

import static io.dynagate.emulator.iam.IamControlPlane.noSuchRole;
import static io.dynagate.emulator.iam.IamControlPlane.required;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.Ids;
import io.dynagate.emulator.core.QueryProtocol;
import io.dynagate.emulator.core.Xml;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Role lifecycle, trust policy and tags. Each operation answers its {@code Result} content. */
@ApplicationScoped
class RoleOperations {

  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]*/");

  private final IamStore store;
  private final String accountId;

  RoleOperations(IamStore store, EmulatorSettings settings) {
    this.store = store;
    this.accountId = settings.accountId();
  }

  String execute(String operation, Map<String, String> parameters) {
    return switch (operation) {
      case "CreateRole" -> create(parameters);
      case "GetRole" -> roleResult(find(parameters));
      case "ListRoles" -> list(parameters);
      case "DeleteRole" -> delete(parameters);
      case "UpdateAssumeRolePolicy" -> updateTrust(parameters);
      case "TagRole" -> tag(parameters);
      case "UntagRole" -> untag(parameters);
      case "ListRoleTags" -> listTags(parameters);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private String create(Map<String, String> parameters) {
    String name = required(parameters, "RoleName");
    if (!ROLE_NAME.matcher(name).matches()) {
      throw new AwsError(400, "ValidationError", "The specified value for roleName is invalid.");
    }
    String path = parameters.getOrDefault("Path", "/");
    if (!PATH.matcher(path).matches() || path.length() > 512) {
      throw new AwsError(400, "ValidationError", "The specified value for path is invalid.");
    }
    String trust =
        PolicyDocuments.require(
            parameters.get("AssumeRolePolicyDocument"), "assumeRolePolicyDocument");
    Role role =
        new Role(
            name,
            Ids.iam("AROA"),
            path,
            "arn:aws:iam::" + accountId + ":role" + path + name,
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            trust,
            parameters.get("Description"),
            Integer.parseInt(parameters.getOrDefault("MaxSessionDuration", "3600")),
            parameters.get("PermissionsBoundary"),
            tagsOf(parameters),
            new TreeMap<>());
    if (!store.create(role)) {
      throw new AwsError(409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
    }
    return roleResult(role);
  }

  private String list(Map<String, String> parameters) {
    String prefix = parameters.getOrDefault("PathPrefix", "/");
    List<Role> matching = store.roles().stream().filter(r -> r.path().startsWith(prefix)).toList();
    IamPage<Role> page =
        IamPage.of(matching, Role::roleName, parameters.get("Marker"), parameters.get("MaxItems"));
    Xml xml = new Xml().open("Roles");
    page.items().forEach(role -> IamXml.role(xml.open("member"), role, false).close("member"));
    return page.appendTruncation(xml.close("Roles")).toString();
  }

  private String delete(Map<String, String> parameters) {
    Role role = find(parameters);
    if (!role.inlinePolicies().isEmpty()) {
      throw new AwsError(
          409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
    }
    store.delete(role.roleName());
    return null;
  }

  private String updateTrust(Map<String, String> parameters) {
    String name = required(parameters, "RoleName");
    String document = PolicyDocuments.require(parameters.get("PolicyDocument"), "policyDocument");
    store.update(name, role -> role.withTrustPolicy(document)).orElseThrow(() -> noSuchRole(name));
    return null;
  }

  private String tag(Map<String, String> parameters) {
    String name = required(parameters, "RoleName");
    Map<String, String> added = tagsOf(parameters);
    store
        .update(
            name,
            role -> {
              Map<String, String> tags = new LinkedHashMap<>(role.tags());
              tags.putAll(added);
              return role.withTags(tags);
            })
        .orElseThrow(() -> noSuchRole(name));
    return null;
  }

  private String untag(Map<String, String> parameters) {
    String name = required(parameters, "RoleName");
    List<String> keys = QueryProtocol.members(parameters, "TagKeys");
    store
        .update(
            name,
            role -> {
              Map<String, String> tags = new LinkedHashMap<>(role.tags());
              keys.forEach(tags::remove);
              return role.withTags(tags);
            })
        .orElseThrow(() -> noSuchRole(name));
    return null;
  }

  private String listTags(Map<String, String> parameters) {
    Role role = find(parameters);
    List<Map.Entry<String, String>> tags = List.copyOf(role.tags().entrySet());
    IamPage<Map.Entry<String, String>> page =
        IamPage.of(tags, Map.Entry::getKey, parameters.get("Marker"), parameters.get("MaxItems"));
    Map<String, String> shown = new LinkedHashMap<>();
    page.items().forEach(tag -> shown.put(tag.getKey(), tag.getValue()));
    return page.appendTruncation(IamXml.tags(new Xml(), shown)).toString();
  }

  private Role find(Map<String, String> parameters) {
    String name = required(parameters, "RoleName");
    return store.role(name).orElseThrow(() -> noSuchRole(name));
  }

  private static String roleResult(Role role) {
    return IamXml.role(new Xml().open("Role"), role, true).close("Role").toString();
  }

  private static Map<String, String> tagsOf(Map<String, String> parameters) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 1; parameters.containsKey("Tags.member." + i + ".Key"); i++) {
      tags.put(
          parameters.get("Tags.member." + i + ".Key"),
          parameters.getOrDefault("Tags.member." + i + ".Value", ""));
    }
    return tags;
  }
}
