package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB's multi-valued condition keys, read from a request as DynamoDB reads them: {@code
 * dynamodb:Attributes} (the attribute names the request reads or writes, expression names resolved)
 * and {@code dynamodb:LeadingKeys} (the partition key values it addresses).
 */
final class DynamoConditionKeys {

  static final String ATTRIBUTES = "dynamodb:attributes";
  static final String LEADING_KEYS = "dynamodb:leadingkeys";

  // A path element, a function name or a keyword; '.' and '[' mark nested elements.
  private static final Pattern TOKEN = Pattern.compile("([.\\[]?)\\s*(#?[A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> KEYWORDS =
      Set.of("set", "remove", "add", "delete", "and", "or", "not", "between", "in");

  private DynamoConditionKeys() {}

  /** The top-level attribute names the request names, once each, in order. */
  static List<String> attributes(JsonNode body) {
    JsonNode names = body.path("ExpressionAttributeNames");
    Set<String> out = new LinkedHashSet<>();
    body.path("Key").fieldNames().forEachRemaining(out::add);
    body.path("Item").fieldNames().forEachRemaining(out::add);
    body.path("AttributeUpdates").fieldNames().forEachRemaining(out::add);
    body.path("AttributesToGet").forEach(name -> out.add(name.asText()));
    for (String expression : List.of("ProjectionExpression", "UpdateExpression")) {
      out.addAll(expressionNames(body.path(expression).asText(""), names));
    }
    return List.copyOf(out);
  }

  /** The partition key's values in {@code Key} or {@code Item}, as text; none when absent. */
  static List<String> leadingKeys(JsonNode body, String partitionKey) {
    List<String> out = new ArrayList<>();
    for (String holder : List.of("Key", "Item")) {
      JsonNode value = body.path(holder).path(partitionKey);
      if (value.isObject() && value.size() == 1) {
        out.add(value.elements().next().asText());
      }
    }
    return out;
  }

  /** Top-level names in an expression: a path's first element, not a function or keyword. */
  static List<String> expressionNames(String expression, JsonNode names) {
    List<String> out = new ArrayList<>();
    Matcher token = TOKEN.matcher(expression);
    while (token.find()) {
      String name = token.group(2);
      boolean nested = !token.group(1).isEmpty();
      int after = token.end();
      while (after < expression.length() && Character.isWhitespace(expression.charAt(after))) {
        after++;
      }
      boolean function = after < expression.length() && expression.charAt(after) == '(';
      boolean placeholder = token.start(2) > 0 && expression.charAt(token.start(2) - 1) == ':';
      if (nested || function || placeholder || KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(name.startsWith("#") ? names.path(name).asText(name) : name);
    }
    return out;
  }
}
