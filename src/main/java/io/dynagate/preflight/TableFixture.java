package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.declaration.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The synthetic items of one shadow table: {@link #ITEMS} plain ones and as many hostile ones, each
 * holding every declared attribute, undeclared nested content and, on hostile items, a long string.
 * Items of one variant share their partition values and differ by their sort values, so that every
 * Query route finds a group to page through.
 */
final class TableFixture {

  /** Items per variant; three make a Query page twice with {@code ?limit=1}. */
  static final int ITEMS = 3;

  static final String LONG = "preflight-long";

  enum Variant {
    PLAIN,
    HOSTILE
  }

  private final TableSpec table;
  private final boolean headerSafe;
  private final Set<String> sortLike = new HashSet<>();
  private final List<JsonNode> plain = new ArrayList<>();
  private final List<JsonNode> hostile = new ArrayList<>();

  private TableFixture(TableSpec table, boolean headerSafe) {
    this.table = table;
    this.headerSafe = headerSafe;
    keySchemas()
        .forEach(
            keys ->
                keys.stream()
                    .filter(k -> k.keyType() == KeyType.RANGE)
                    .forEach(k -> sortLike.add(k.attributeName())));
    for (int i = 0; i < ITEMS; i++) {
      plain.add(item(Variant.PLAIN, i));
      hostile.add(item(Variant.HOSTILE, i));
    }
  }

  /**
   * @param headerSafe whether a route reads a key of this table from a header (whose values are
   *     visible ASCII only)
   */
  static TableFixture of(TableSpec table, boolean headerSafe) {
    return new TableFixture(table, headerSafe);
  }

  TableSpec table() {
    return table;
  }

  List<JsonNode> items(Variant variant) {
    return variant == Variant.PLAIN ? plain : hostile;
  }

  List<JsonNode> all() {
    List<JsonNode> all = new ArrayList<>(plain);
    all.addAll(hostile);
    return all;
  }

  /** A key value no item holds, of the attribute's declared type. */
  JsonNode missing(String attribute) {
    return switch (type(attribute)) {
      case S -> SyntheticValues.string("preflight-missing");
      case N -> SyntheticValues.number("424242");
      case B -> SyntheticValues.binary((byte) 9, (byte) 9, (byte) 9);
    };
  }

  private List<List<KeySchemaElement>> keySchemas() {
    List<List<KeySchemaElement>> all = new ArrayList<>();
    all.add(table.keySchema());
    table.gsis().forEach(gsi -> all.add(gsi.keySchema()));
    return all;
  }

  private JsonNode item(Variant variant, int i) {
    boolean hostileValues = variant == Variant.HOSTILE;
    ObjectNode item = SyntheticValues.NODES.objectNode();
    Map<String, ValueType> schema =
        table.attributeSchema() == null ? Map.of() : new TreeMap<>(table.attributeSchema());
    int seed = 0;
    for (var declared : schema.entrySet()) {
      item.set(declared.getKey(), SyntheticValues.of(declared.getValue(), hostileValues, seed++));
    }
    item.set("preflight-note", SyntheticValues.of(scalar("S"), hostileValues, i));
    item.set("preflight-count", SyntheticValues.of(scalar("N"), hostileValues, i));
    item.set("preflight-nested", SyntheticValues.generic(hostileValues, 0));
    if (hostileValues) {
      item.set(LONG, SyntheticValues.longString(6_000));
    }
    for (var definition : table.attributeDefinitions()) {
      String name = definition.attributeName();
      item.set(name, keyValue(name, definition.attributeType(), variant, i));
    }
    return item;
  }

  /**
   * A key attribute's value. Sort keys (of the table or of any index) differ per item and grow with
   * {@code i}; a table without sort key gets a distinct partition value per item; other partition
   * keys are shared by the items of a variant.
   */
  private JsonNode keyValue(String name, AttributeType type, Variant variant, int i) {
    boolean distinct =
        sortLike.contains(name)
            || (table.keySchema().size() == 1
                && table.keySchema().get(0).attributeName().equals(name));
    boolean hostileKey = variant == Variant.HOSTILE;
    return switch (type) {
      case S -> {
        String base =
            hostileKey
                ? (headerSafe ? SyntheticValues.HOSTILE_HEADER_KEY : SyntheticValues.HOSTILE_KEY)
                : "pf-" + name;
        yield SyntheticValues.string(distinct ? base + "-" + i : base);
      }
      case N -> {
        List<String> edges =
            List.of("-1E-130", "0", "9.9999999999999999999999999999999999999E+125");
        String value =
            hostileKey ? (distinct ? edges.get(i) : edges.get(1)) : "" + (10 + (distinct ? i : 0));
        yield SyntheticValues.number(value);
      }
      case B ->
          SyntheticValues.binary(
              hostileKey ? (byte) 0xff : 1, (byte) '/', (byte) '+', (byte) (distinct ? i : 0));
    };
  }

  AttributeType type(String attribute) {
    return table.typeOf(attribute).orElseThrow();
  }

  private static ValueType scalar(String name) {
    return new ValueType.Scalar(name);
  }
}
