package io.dynagate.emulator.iam;

import static io.dynagate.emulator.iam.IamControlPlane.required;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.Ids;
import io.dynagate.emulator.core.Xml;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Users, their access keys and inline policies: enough IAM for a caller to sign data-plane requests
 * and for its identity policies to decide them. Each operation answers its {@code Result} content.
 */
@ApplicationScoped
class UserOperations {

  static final Set<String> OPERATIONS =
      Set.of(
          "CreateUser",
          "GetUser",
          "ListUsers",
          "DeleteUser",
          "CreateAccessKey",
          "ListAccessKeys",
          "UpdateAccessKey",
          "DeleteAccessKey",
          "PutUserPolicy",
          "GetUserPolicy",
          "ListUserPolicies",
          "DeleteUserPolicy");

  private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int KEYS_PER_USER = 2;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserStore store;
  private final String accountId;

  UserOperations(UserStore store, EmulatorSettings settings) {
    this.store = store;
    this.accountId = settings.accountId();
  }

  String execute(String operation, Map<String, String> parameters) {
    return switch (operation) {
      case "CreateUser" -> create(parameters);
      case "GetUser" -> userResult(find(parameters));
      case "ListUsers" -> list(parameters);
      case "DeleteUser" -> delete(parameters);
      case "CreateAccessKey" -> createKey(parameters);
      case "ListAccessKeys" -> listKeys(parameters);
      case "UpdateAccessKey" -> updateKey(parameters);
      case "DeleteAccessKey" -> deleteKey(parameters);
      case "PutUserPolicy" -> putPolicy(parameters);
      case "GetUserPolicy" -> getPolicy(parameters);
      case "ListUserPolicies" -> listPolicies(parameters);
      case "DeleteUserPolicy" -> deletePolicy(parameters);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private String create(Map<String, String> parameters) {
    String name = required(parameters, "UserName");
    if (!USER_NAME.matcher(name).matches()) {
      throw new AwsError(400, "ValidationError", "The specified value for userName is invalid.");
    }
    String path = parameters.getOrDefault("Path", "/");
    User user =
        new User(
            name,
            Ids.iam("AIDA"),
            path,
            "arn:aws:iam::" + accountId + ":user" + path + name,
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            tagsOf(parameters),
            new TreeMap<>(),
            List.of());
    if (!store.create(user)) {
      throw new AwsError(409, "EntityAlreadyExists", "User with name " + name + " already exists.");
    }
    return userResult(user);
  }

  private String list(Map<String, String> parameters) {
    IamPage<User> page =
        IamPage.of(
            store.users(), User::userName, parameters.get("Marker"), parameters.get("MaxItems"));
    Xml xml = new Xml().open("Users");
    page.items().forEach(u -> user(xml.open("member"), u).close("member"));
    return page.appendTruncation(xml.close("Users")).toString();
  }

  private String delete(Map<String, String> parameters) {
    User user = find(parameters);
    if (!user.accessKeys().isEmpty()) {
      throw new AwsError(
          409, "DeleteConflict", "Cannot delete entity, must delete access keys first.");
    }
    if (!user.inlinePolicies().isEmpty()) {
      throw new AwsError(
          409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
    }
    store.delete(user.userName());
    return null;
  }

  private String createKey(Map<String, String> parameters) {
    String name = required(parameters, "UserName");
    User.AccessKey key =
        new User.AccessKey(
            Ids.iam("AKIA").substring(0, 20),
            secret(),
            "Active",
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    store
        .update(
            name,
            user -> {
              if (user.accessKeys().size() >= KEYS_PER_USER) {
                throw new AwsError(
                    409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
              }
              List<User.AccessKey> keys = new ArrayList<>(user.accessKeys());
              keys.add(key);
              return user.withAccessKeys(keys);
            })
        .orElseThrow(() -> noSuchUser(name));
    return keyXml(new Xml().open("AccessKey"), name, key)
        .text("SecretAccessKey", key.secretAccessKey())
        .close("AccessKey")
        .toString();
  }

  private String listKeys(Map<String, String> parameters) {
    User user = find(parameters);
    Xml xml = new Xml().open("AccessKeyMetadata");
    user.accessKeys()
        .forEach(key -> keyXml(xml.open("member"), user.userName(), key).close("member"));
    return xml.close("AccessKeyMetadata").text("IsTruncated", false).toString();
  }

  private String updateKey(Map<String, String> parameters) {
    String keyId = required(parameters, "AccessKeyId");
    String status = required(parameters, "Status");
    if (!status.equals("Active") && !status.equals("Inactive")) {
      throw new AwsError(400, "ValidationError", "The specified value for status is invalid.");
    }
    changeKeys(
        parameters,
        keyId,
        keys ->
            keys.replaceAll(
                k ->
                    k.accessKeyId().equals(keyId)
                        ? new User.AccessKey(
                            k.accessKeyId(), k.secretAccessKey(), status, k.createDate())
                        : k));
    return null;
  }

  private String deleteKey(Map<String, String> parameters) {
    String keyId = required(parameters, "AccessKeyId");
    changeKeys(parameters, keyId, keys -> keys.removeIf(k -> k.accessKeyId().equals(keyId)));
    return null;
  }

  /** Changes the keys of the user that owns {@code keyId} (and is named, when a name is given). */
  private void changeKeys(
      Map<String, String> parameters, String keyId, Consumer<List<User.AccessKey>> change) {
    UserStore.Signer owner =
        store
            .signer(keyId)
            .filter(
                s ->
                    parameters.get("UserName") == null
                        || s.user().userName().equals(parameters.get("UserName")))
            .orElseThrow(
                () ->
                    new AwsError(
                        404,
                        "NoSuchEntity",
                        "The Access Key with id " + keyId + " cannot be found."));
    store.update(
        owner.user().userName(),
        user -> {
          List<User.AccessKey> keys = new ArrayList<>(user.accessKeys());
          change.accept(keys);
          return user.withAccessKeys(keys);
        });
  }

  private String putPolicy(Map<String, String> parameters) {
    String name = required(parameters, "UserName");
    String policyName = required(parameters, "PolicyName");
    String document = PolicyDocuments.require(parameters.get("PolicyDocument"), "policyDocument");
    store
        .update(
            name,
            user -> {
              TreeMap<String, String> policies = new TreeMap<>(user.inlinePolicies());
              policies.put(policyName, document);
              return user.withInlinePolicies(policies);
            })
        .orElseThrow(() -> noSuchUser(name));
    return null;
  }

  private String getPolicy(Map<String, String> parameters) {
    User user = find(parameters);
    String policyName = required(parameters, "PolicyName");
    String document = user.inlinePolicies().get(policyName);
    if (document == null) {
      throw noSuchPolicy(policyName);
    }
    return new Xml()
        .text("UserName", user.userName())
        .text("PolicyName", policyName)
        .text("PolicyDocument", IamXml.encode(document))
        .toString();
  }

  private String listPolicies(Map<String, String> parameters) {
    User user = find(parameters);
    return IamXml.names(new Xml(), "PolicyNames", user.inlinePolicies().keySet())
        .text("IsTruncated", false)
        .toString();
  }

  private String deletePolicy(Map<String, String> parameters) {
    User user = find(parameters);
    String policyName = required(parameters, "PolicyName");
    if (!user.inlinePolicies().containsKey(policyName)) {
      throw noSuchPolicy(policyName);
    }
    store.update(
        user.userName(),
        current -> {
          TreeMap<String, String> policies = new TreeMap<>(current.inlinePolicies());
          policies.remove(policyName);
          return current.withInlinePolicies(policies);
        });
    return null;
  }

  private User find(Map<String, String> parameters) {
    String name = required(parameters, "UserName");
    return store.user(name).orElseThrow(() -> noSuchUser(name));
  }

  private static String userResult(User user) {
    Xml xml = user(new Xml().open("User"), user);
    if (!user.tags().isEmpty()) {
      IamXml.tags(xml, user.tags());
    }
    return xml.close("User").toString();
  }

  private static Xml user(Xml xml, User user) {
    return xml.text("Path", user.path())
        .text("UserName", user.userName())
        .text("UserId", user.userId())
        .text("Arn", user.arn())
        .text("CreateDate", user.createDate());
  }

  private static Xml keyXml(Xml xml, String userName, User.AccessKey key) {
    return xml.text("UserName", userName)
        .text("AccessKeyId", key.accessKeyId())
        .text("Status", key.status())
        .text("CreateDate", key.createDate());
  }

  private static String secret() {
    StringBuilder secret = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
    }
    return secret.toString();
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

  private static AwsError noSuchUser(String name) {
    return new AwsError(404, "NoSuchEntity", "The user with name " + name + " cannot be found.");
  }

  private static AwsError noSuchPolicy(String policyName) {
    return new AwsError(
        404, "NoSuchEntity", "The user policy with name " + policyName + " cannot be found.");
  }
}
