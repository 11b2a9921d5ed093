package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A REST API's resource policy, evaluated as API Gateway does for {@code execute-api:Invoke}:
 * principals ({@code *}, account ids, {@code :root} and user or role ARNs), {@code Action}, {@code
 * Resource} (with the {@code execute-api:/STAGE/METHOD/PATH} shorthand read as this API's ARN),
 * {@code IpAddress}/{@code NotIpAddress} on {@code aws:SourceIp} and the string operators on other
 * keys ({@code aws:SourceVpce}, {@code aws:PrincipalOrgID}, ...). An explicit deny wins.
 */
record ResourcePolicy(List<Rule> rules) {

  /** Who calls: {@code anonymous} when unsigned, else the signer's ARN and account. */
  record Principal(String arn, String accountId) {
    static final Principal ANONYMOUS = new Principal("anonymous", null);

    boolean anonymous() {
      return accountId == null;
    }
  }

  record Rule(
      boolean allow,
      List<String> principals,
      Policy.Patterns actions,
      Policy.Patterns resources,
      List<Policy.Condition> conditions,
      List<IpCondition> ipConditions) {}

  /** {@code IpAddress} (or {@code NotIpAddress} when negated) on {@code aws:SourceIp}. */
  record IpCondition(boolean negated, List<String> ranges) {
    boolean holds(String sourceIp) {
      boolean inside = ranges.stream().anyMatch(range -> Cidr.contains(range, sourceIp));
      return negated != inside;
    }
  }

  /**
   * Parses a policy; {@code apiArnPrefix} is {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID},
   * which the {@code execute-api:/...} shorthand stands for.
   */
  static ResourcePolicy parse(JsonNode document, String apiArnPrefix) {
    List<Rule> rules = new ArrayList<>();
    JsonNode statements = document.path("Statement");
    if (statements.isObject()) {
      rules.add(rule(statements, apiArnPrefix));
    } else {
      statements.forEach(s -> rules.add(rule(s, apiArnPrefix)));
    }
    return new ResourcePolicy(List.copyOf(rules));
  }

  /** The decision on invoking {@code methodArn}, with condition keys (lower-case names). */
  Policy.Decision decide(Principal caller, String methodArn, Map<String, String> keys) {
    boolean allowed = false;
    for (Rule rule : rules) {
      if (applies(rule, caller, methodArn, keys)) {
        if (!rule.allow()) {
          return Policy.Decision.EXPLICIT_DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Policy.Decision.ALLOW : Policy.Decision.IMPLICIT_DENY;
  }

  private static boolean applies(
      Rule rule, Principal caller, String methodArn, Map<String, String> keys) {
    return principalMatches(rule.principals(), caller)
        && rule.actions().matches("execute-api:Invoke")
        && rule.resources().matches(methodArn)
        && rule.conditions().stream().allMatch(c -> c.holds(keys))
        && rule.ipConditions().stream().allMatch(c -> c.holds(keys.get("aws:sourceip")));
  }

  private static boolean principalMatches(List<String> principals, Principal caller) {
    for (String principal : principals) {
      if (principal.equals("*")) {
        return true;
      }
      if (caller.anonymous()) {
        continue;
      }
      if (principal.equals(caller.accountId())
          || principal.equals("arn:aws:iam::" + caller.accountId() + ":root")
          || principal.equals(caller.arn())) {
        return true;
      }
    }
    return false;
  }

  private static Rule rule(JsonNode s, String apiArnPrefix) {
    List<Policy.Condition> conditions = new ArrayList<>();
    List<IpCondition> ip = new ArrayList<>();
    s.path("Condition")
        .fields()
        .forEachRemaining(
            operator ->
                operator
                    .getValue()
                    .fields()
                    .forEachRemaining(
                        key -> {
                          List<String> values = Policy.texts(key.getValue());
                          String op = operator.getKey();
                          if (op.equals("IpAddress") || op.equals("NotIpAddress")) {
                            ip.add(new IpCondition(op.startsWith("Not"), values));
                          } else {
                            conditions.add(Policy.Condition.of(op, key.getKey(), values));
                          }
                        }));
    return new Rule(
        "Allow".equals(s.path("Effect").asText()),
        principals(s.get("Principal")),
        Policy.Patterns.of(s, "Action", false),
        resources(s, apiArnPrefix),
        List.copyOf(conditions),
        List.copyOf(ip));
  }

  private static List<String> principals(JsonNode principal) {
    if (principal == null) {
      return List.of();
    }
    if (principal.isTextual()) {
      return List.of(principal.asText());
    }
    return Policy.texts(principal.path("AWS"));
  }

  private static Policy.Patterns resources(JsonNode s, String apiArnPrefix) {
    boolean negated = s.has("NotResource");
    List<String> values = Policy.texts(s.path(negated ? "NotResource" : "Resource"));
    return new Policy.Patterns(
        values.stream()
            .map(v -> v.startsWith("execute-api:/") ? apiArnPrefix + v.substring(12) : v)
            .map(v -> Policy.wildcard(v, true))
            .toList(),
        negated);
  }

  /** IPv4 and IPv6 ranges in CIDR notation, or single addresses. */
  static final class Cidr {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+(/\\d{1,3})?");

    private Cidr() {}

    static boolean contains(String range, String address) {
      // Literals only: InetAddress would resolve a host name through DNS.
      if (address == null
          || !LITERAL.matcher(address).matches()
          || !LITERAL.matcher(range).matches()) {
        return false;
      }
      try {
        int slash = range.indexOf('/');
        byte[] network =
            InetAddress.getByName(slash < 0 ? range : range.substring(0, slash)).getAddress();
        byte[] candidate = InetAddress.getByName(address).getAddress();
        if (network.length != candidate.length) {
          return false;
        }
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
        for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
          int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
          if ((network[i] & mask) != (candidate[i] & mask)) {
            return false;
          }
        }
        return true;
      } catch (UnknownHostException | NumberFormatException e) {
        return false;
      }
    }
  }
}
