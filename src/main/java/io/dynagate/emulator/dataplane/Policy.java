package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One IAM policy document, parsed once, evaluated per request as IAM does: an explicit {@code Deny}
 * wins over any {@code Allow}; without a matching {@code Allow} the request is implicitly denied.
 * {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource}, {@code *} and {@code ?}
 * wildcards (actions case-insensitive, resources case-sensitive), service principals, and the
 * string and ARN condition operators (with {@code IfExists}), and the set qualifiers {@code
 * ForAllValues:} and {@code ForAnyValue:} over multi-valued keys (e.g. {@code dynamodb:Attributes},
 * {@code dynamodb:LeadingKeys}). A key absent from the request matches no value, so a negated
 * operator ({@code StringNotEquals}, ...) holds for it, as IAM documents. An unknown condition
 * operator never matches, so it cannot grant access.
 */
record Policy(List<Statement> statements) {

  enum Decision {
    ALLOW,
    IMPLICIT_DENY,
    EXPLICIT_DENY
  }

  /**
   * What a request asks: an action on a resource, by a principal, with condition keys; {@code
   * multiValued} holds the keys with a set of values, by lower-case name.
   */
  record Request(
      String action,
      String resource,
      String servicePrincipal,
      Map<String, String> conditionKeys,
      Map<String, List<String>> multiValued) {

    Request(
        String action,
        String resource,
        String servicePrincipal,
        Map<String, String> conditionKeys) {
      this(action, resource, servicePrincipal, conditionKeys, Map.of());
    }
  }

  static Policy parse(JsonNode document) {
    List<Statement> statements = new ArrayList<>();
    JsonNode node = document == null ? null : document.get("Statement");
    if (node != null && node.isObject()) {
      statements.add(Statement.parse(node));
    } else if (node != null && node.isArray()) {
      node.forEach(s -> statements.add(Statement.parse(s)));
    }
    return new Policy(List.copyOf(statements));
  }

  /** The lower-case condition keys the policy's statements test. */
  Set<String> conditionKeyNames() {
    Set<String> keys = new HashSet<>();
    statements.forEach(s -> s.conditions().forEach(c -> keys.add(c.key())));
    return keys;
  }

  /** The decision of several policies together (e.g. a role's inline policies). */
  static Decision evaluate(List<Policy> policies, Request request) {
    boolean allowed = false;
    for (Policy policy : policies) {
      for (Statement statement : policy.statements()) {
        if (statement.applies(request)) {
          if (!statement.allow()) {
            return Decision.EXPLICIT_DENY;
          }
          allowed = true;
        }
      }
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  record Statement(
      boolean allow,
      Patterns actions,
      Patterns resources,
      Patterns principals,
      List<Condition> conditions) {

    static Statement parse(JsonNode s) {
      List<Condition> conditions = new ArrayList<>();
      s.path("Condition")
          .fields()
          .forEachRemaining(
              operator ->
                  operator
                      .getValue()
                      .fields()
                      .forEachRemaining(
                          key ->
                              conditions.add(
                                  Condition.of(
                                      operator.getKey(), key.getKey(), texts(key.getValue())))));
      return new Statement(
          "Allow".equals(s.path("Effect").asText()),
          Patterns.of(s, "Action", false),
          Patterns.of(s, "Resource", true),
          principals(s.get("Principal")),
          List.copyOf(conditions));
    }

    boolean applies(Request request) {
      return actions.matches(request.action())
          && (request.resource() == null || resources.matches(request.resource()))
          && (request.servicePrincipal() == null || principals.matches(request.servicePrincipal()))
          && conditions.stream().allMatch(c -> c.holds(request));
    }

    /** Trust policies name service principals; {@code "*"} and {@code {"AWS": "*"}} are anyone. */
    private static Patterns principals(JsonNode principal) {
      if (principal == null) {
        return Patterns.ANY;
      }
      if (principal.isTextual()) {
        return principal.asText().equals("*") ? Patterns.ANY : Patterns.NONE;
      }
      if (texts(principal.path("AWS")).contains("*")) {
        return Patterns.ANY;
      }
      return new Patterns(
          texts(principal.path("Service")).stream().map(p -> wildcard(p, true)).toList(), false);
    }
  }

  /**
   * Wildcard patterns of one element; {@code negated} for {@code NotAction}/{@code NotResource}.
   */
  record Patterns(List<Pattern> patterns, boolean negated) {
    static final Patterns ANY = new Patterns(List.of(Pattern.compile(".*")), false);
    static final Patterns NONE = new Patterns(List.of(), false);

    static Patterns of(JsonNode statement, String element, boolean caseSensitive) {
      boolean negated = statement.has("Not" + element);
      JsonNode values = statement.get(negated ? "Not" + element : element);
      if (values == null) {
        return NONE;
      }
      return new Patterns(
          texts(values).stream().map(v -> wildcard(v, caseSensitive)).toList(), negated);
    }

    boolean matches(String value) {
      boolean any = patterns.stream().anyMatch(p -> p.matcher(value).matches());
      return negated != any;
    }
  }

  /** How a condition reads a multi-valued key. */
  enum Qualifier {
    /** No set qualifier: a multi-valued key holds when any of its values does. */
    NONE,
    /** {@code ForAllValues:}: every value holds; also true when the request has none (as IAM). */
    FOR_ALL,
    /** {@code ForAnyValue:}: at least one value holds; false when the request has none. */
    FOR_ANY
  }

  /** One condition key under one operator: holds when the key's value matches any listed value. */
  record Condition(
      Qualifier qualifier, String operator, boolean ifExists, String key, List<Pattern> values) {

    static Condition of(String qualified, String key, List<String> values) {
      Qualifier qualifier = Qualifier.NONE;
      String operator = qualified;
      if (qualified.startsWith("ForAllValues:")) {
        qualifier = Qualifier.FOR_ALL;
        operator = qualified.substring("ForAllValues:".length());
      } else if (qualified.startsWith("ForAnyValue:")) {
        qualifier = Qualifier.FOR_ANY;
        operator = qualified.substring("ForAnyValue:".length());
      }
      boolean ifExists = operator.endsWith("IfExists");
      String op = ifExists ? operator.substring(0, operator.length() - 8) : operator;
      boolean like = op.endsWith("Like") || op.startsWith("Arn");
      boolean ignoreCase =
          op.equals("StringEqualsIgnoreCase") || op.equals("StringNotEqualsIgnoreCase");
      List<Pattern> patterns =
          values.stream()
              .map(v -> like ? wildcard(v, !ignoreCase) : literal(v, !ignoreCase))
              .toList();
      return new Condition(qualifier, op, ifExists, key.toLowerCase(Locale.ROOT), patterns);
    }

    /** On single-valued keys only, as resource policies give them. */
    boolean holds(Map<String, String> context) {
      return holds(new Request(null, null, null, context));
    }

    boolean holds(Request request) {
      List<String> set = request.multiValued().get(key);
      String single = request.conditionKeys().get(key);
      if (set == null && single != null) {
        set = List.of(single);
      }
      return switch (qualifier) {
        case FOR_ALL -> set == null || set.stream().allMatch(this::holdsFor);
        case FOR_ANY -> set != null && set.stream().anyMatch(this::holdsFor);
        // A key the request does not have matches no value: a negated operator then holds.
        case NONE -> set == null ? ifExists || negated() : set.stream().anyMatch(this::holdsFor);
      };
    }

    private boolean negated() {
      return operator.startsWith("StringNot") || operator.startsWith("ArnNot");
    }

    private boolean holdsFor(String value) {
      boolean any = values.stream().anyMatch(p -> p.matcher(value).matches());
      return switch (operator) {
        case "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike" -> any;
        case "StringNotEquals",
            "StringNotEqualsIgnoreCase",
            "StringNotLike",
            "ArnNotEquals",
            "ArnNotLike" ->
            !any;
        default -> false;
      };
    }
  }

  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** IAM's wildcards: {@code *} any run of characters, {@code ?} any one character. */
  static Pattern wildcard(String text, boolean caseSensitive) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(
        regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static Pattern literal(String text, boolean caseSensitive) {
    return Pattern.compile(
        Pattern.quote(text), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
