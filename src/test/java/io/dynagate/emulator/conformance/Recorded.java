package io.dynagate.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an answer with AWS's recorded one as the recording's transformers left it: identifiers
 * and names appear as {@code <kind:n>} placeholders and dates as {@code datetime}, both standing
 * for any value; response metadata is reduced to the status code; every other member must be
 * present with the same value, and no member AWS did not answer may be added.
 */
final class Recorded {

  private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z0-9_-]+(:\\d+)?>|111111111111");
  private static final Set<String> IGNORED = Set.of("ResponseMetadata", "message", "raw");

  private Recorded() {}

  /** The differences between the recorded answer and the actual one; empty when they agree. */
  static List<String> differences(JsonNode recorded, JsonNode actual, int actualStatus) {
    List<String> out = new ArrayList<>();
    int status = recorded.path("ResponseMetadata").path("HTTPStatusCode").asInt(-1);
    if (status != -1 && status != actualStatus) {
      out.add("status: recorded " + status + ", got " + actualStatus);
    }
    compare("", recorded, actual, out, true);
    return out;
  }

  private static void compare(
      String path, JsonNode recorded, JsonNode actual, List<String> out, boolean top) {
    if (recorded.isContainerNode() && actual.isTextual()) {
      // the recordings show JSON held in strings (templates, policies) parsed, so must we
      actual = parsed(actual.asText());
    }
    if (recorded.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": recorded an object, got " + actual);
        return;
      }
      Set<String> names = new TreeSet<>();
      recorded.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (top && IGNORED.contains(name)) {
          continue;
        }
        JsonNode r = recorded.get(name);
        JsonNode a = actual.get(name);
        if (r == null) {
          out.add(path + "/" + name + ": not recorded, got " + a);
        } else if (a == null) {
          out.add(path + "/" + name + ": recorded " + r + ", missing");
        } else {
          compare(path + "/" + name, r, a, out, false);
        }
      }
    } else if (recorded.isArray()) {
      if (!actual.isArray() || actual.size() != recorded.size()) {
        out.add(path + ": recorded " + recorded + ", got " + actual);
        return;
      }
      List<JsonNode> r = sorted(recorded);
      List<JsonNode> a = sorted(actual);
      for (int i = 0; i < r.size(); i++) {
        compare(path + "/" + i, r.get(i), a.get(i), out, false);
      }
    } else if (!scalarMatches(recorded, actual)) {
      out.add(path + ": recorded " + recorded + ", got " + actual);
    }
  }

  private static JsonNode parsed(String text) {
    try {
      return Replay.mapper().readTree(text);
    } catch (java.io.IOException notJson) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
    }
  }

  /** Resources have no order AWS promises; the recordings sort them by path, as do we. */
  private static List<JsonNode> sorted(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    if (!list.isEmpty() && list.get(0).has("path")) {
      list.sort(Comparator.comparing(n -> n.path("path").asText()));
    }
    return list;
  }

  private static boolean scalarMatches(JsonNode recorded, JsonNode actual) {
    if (recorded.isTextual()) {
      String text = recorded.asText();
      if (text.equals("datetime") || PLACEHOLDER.matcher(text).matches()) {
        return !actual.isNull();
      }
      if (!actual.isValueNode()) {
        return false;
      }
      return pattern(text).matcher(actual.asText()).matches();
    }
    if (recorded.isNumber() && actual.isNumber()) {
      return recorded.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return recorded.equals(actual);
  }

  private static Pattern pattern(String text) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(text.substring(last, m.start()))).append(".+?");
      last = m.end();
    }
    regex.append(Pattern.quote(text.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
