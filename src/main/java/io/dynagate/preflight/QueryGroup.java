package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.RouteSpec.SortKeyCondition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The items a Query route should answer for one variant's partition: the sort-key condition's
 * values picked from the group's own sort values, and the matching items in DynamoDB's order
 * (ascending by sort key; unordered without one).
 *
 * @param ordered whether the index has a sort key (and so an order to check)
 */
record QueryGroup(
    JsonNode partition, List<JsonNode> conditionValues, List<JsonNode> expected, boolean ordered) {

  static QueryGroup of(RouteCase route, TableFixture.Variant variant) {
    String hash = route.partitionKey();
    List<JsonNode> items = route.fixture().items(variant);
    JsonNode partition = items.get(0).get(hash);
    List<JsonNode> group =
        new ArrayList<>(items.stream().filter(i -> partition.equals(i.get(hash))).toList());
    Optional<String> range = route.sortKey();
    if (range.isEmpty()) {
      return new QueryGroup(partition, List.of(), group, false);
    }
    Comparator<JsonNode> bySort =
        Comparator.comparing(i -> i.get(range.get()), QueryGroup::compare);
    group.sort(bySort);
    SortKeyCondition condition = route.spec().sortKey();
    if (condition == null) {
      return new QueryGroup(partition, List.of(), group, true);
    }
    List<JsonNode> sorted = group.stream().map(i -> i.get(range.get())).toList();
    List<JsonNode> values = values(condition.condition(), sorted);
    List<JsonNode> expected =
        group.stream()
            .filter(i -> holds(condition.condition(), i.get(range.get()), values))
            .toList();
    return new QueryGroup(partition, values, expected, true);
  }

  private static List<JsonNode> values(
      SortKeyCondition.Condition condition, List<JsonNode> sorted) {
    return switch (condition) {
      case EQ, LE -> List.of(pick(sorted, 1));
      case LT -> List.of(pick(sorted, 2));
      case GT, GE -> List.of(pick(sorted, 0));
      case BETWEEN -> List.of(pick(sorted, 0), pick(sorted, 2));
      case BEGINS_WITH -> List.of(commonPrefix(sorted));
    };
  }

  private static JsonNode pick(List<JsonNode> sorted, int index) {
    return sorted.get(Math.min(index, sorted.size() - 1));
  }

  private static boolean holds(
      SortKeyCondition.Condition condition, JsonNode value, List<JsonNode> bounds) {
    int c = compare(value, bounds.get(0));
    return switch (condition) {
      case EQ -> c == 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case BETWEEN -> c >= 0 && compare(value, bounds.get(1)) <= 0;
      case BEGINS_WITH -> startsWith(bytes(value), bytes(bounds.get(0)));
    };
  }

  /** DynamoDB's order: numbers by value, strings by UTF-8 bytes, binaries by unsigned bytes. */
  static int compare(JsonNode a, JsonNode b) {
    String type = a.fieldNames().next();
    if (type.equals("N")) {
      return new BigDecimal(RouteCase.text(a)).compareTo(new BigDecimal(RouteCase.text(b)));
    }
    return Arrays.compareUnsigned(bytes(a), bytes(b));
  }

  private static byte[] bytes(JsonNode typed) {
    String type = typed.fieldNames().next();
    String text = RouteCase.text(typed);
    return type.equals("B")
        ? Base64.getDecoder().decode(text)
        : text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length
        && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The longest prefix all values share, of their own type (strings cut at a code point). */
  private static JsonNode commonPrefix(List<JsonNode> sorted) {
    String type = sorted.get(0).fieldNames().next();
    if (type.equals("B")) {
      byte[] prefix = bytes(sorted.get(0));
      for (JsonNode v : sorted) {
        prefix =
            Arrays.copyOf(
                prefix,
                Arrays.mismatch(prefix, bytes(v)) < 0
                    ? prefix.length
                    : Arrays.mismatch(prefix, bytes(v)));
      }
      return SyntheticValues.binary(prefix);
    }
    String prefix = RouteCase.text(sorted.get(0));
    for (JsonNode v : sorted) {
      String text = RouteCase.text(v);
      int n = 0;
      while (n < prefix.length() && n < text.length() && prefix.charAt(n) == text.charAt(n)) {
        n++;
      }
      if (n > 0 && Character.isHighSurrogate(prefix.charAt(n - 1))) {
        n--;
      }
      prefix = prefix.substring(0, n);
    }
    return type.equals("N") ? SyntheticValues.number(prefix) : SyntheticValues.string(prefix);
  }
}
