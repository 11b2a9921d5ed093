package io.dynagate.declaration;

import io.dynagate.declaration.TableSpec.AttributeDefinition;
import io.dynagate.declaration.TableSpec.GlobalSecondaryIndex;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What makes a table declaration valid, as DynamoDB's CreateTable would judge it and a bit more.
 */
public final class TableRules {

  private static final Set<String> BILLING_MODES = Set.of("PROVISIONED", "PAY_PER_REQUEST");
  private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "KEYS_ONLY", "INCLUDE");

  /** DynamoDB's quota of global secondary indexes per table. */
  static final int MAX_GSIS = 20;

  private TableRules() {}

  /**
   * @param nameInPath the name from {@code PUT /tables/{name}}, or null for {@code POST /tables}
   */
  public static List<Violation> validate(String nameInPath, TableSpec spec) {
    return validate(nameInPath, spec, team -> true);
  }

  /**
   * @param nameInPath the name from {@code PUT /tables/{name}}, or null for {@code POST /tables}
   * @param isTeam whether a team of that name exists (for {@code SharedWith})
   */
  public static List<Violation> validate(
      String nameInPath, TableSpec spec, Predicate<String> isTeam) {
    List<Violation> out = new ArrayList<>();
    if (spec.tableName() == null && nameInPath == null) {
      out.add(Violation.of("TableName", "is required"));
    } else if (spec.tableName() != null && !Names.isTableName(spec.tableName())) {
      out.add(Violation.of("TableName", "must be 3 to 255 of A-Z, a-z, 0-9, '_', '-' and '.'"));
    } else if (nameInPath != null
        && spec.tableName() != null
        && !nameInPath.equals(spec.tableName())) {
      out.add(Violation.of("TableName", "must equal the name in the URL (" + nameInPath + ")"));
    } else if (nameInPath != null && !Names.isTableName(nameInPath)) {
      out.add(Violation.of("TableName", "must be 3 to 255 of A-Z, a-z, 0-9, '_', '-' and '.'"));
    }
    checkAttributeDefinitions(spec, out);
    Set<String> used = new HashSet<>();
    checkKeySchema(spec, spec.keySchema(), "KeySchema", used, out);
    checkIndexes(spec, used, out);
    for (AttributeDefinition definition : spec.attributeDefinitions()) {
      if (definition.attributeName() != null && !used.contains(definition.attributeName())) {
        out.add(
            Violation.of(
                "AttributeDefinitions",
                definition.attributeName() + " is defined but used by no key schema"));
      }
    }
    checkBilling(spec, out);
    checkAttributeSchema(spec, out);
    checkSharedWith(spec, isTeam, out);
    return out;
  }

  // The response mapping reads a key attribute by its AttributeSchema type: another type than the
  // key's would map every item wrongly.
  private static void checkAttributeSchema(TableSpec spec, List<Violation> out) {
    if (spec.attributeSchema() == null) {
      return;
    }
    spec.attributeSchema().keySet().stream()
        .filter(name -> !Names.isAttributeName(name))
        .forEach(name -> out.add(Violation.of("AttributeSchema", "invalid attribute name")));
    new TreeMap<>(spec.attributeSchema())
        .forEach(
            (name, type) ->
                spec.typeOf(name)
                    .filter(
                        key -> !(type instanceof ValueType.Scalar s && s.name().equals(key.name())))
                    .ifPresent(
                        key ->
                            out.add(
                                Violation.of(
                                    "AttributeSchema." + name,
                                    "must be "
                                        + key.name()
                                        + ", the type AttributeDefinitions gives this key"))));
  }

  private static void checkSharedWith(
      TableSpec spec, Predicate<String> isTeam, List<Violation> out) {
    if (spec.sharedWith() == null) {
      return;
    }
    for (int i = 0; i < spec.sharedWith().size(); i++) {
      String team = spec.sharedWith().get(i);
      if (!Names.isSlug(team)) {
        out.add(Violation.of("SharedWith[" + i + "]", "must be a team name (a-z, 0-9, '-')"));
      } else if (!isTeam.test(team)) {
        out.add(Violation.of("SharedWith[" + i + "]", "no team is named " + team));
      }
    }
  }

  private static void checkAttributeDefinitions(TableSpec spec, List<Violation> out) {
    Set<String> seen = new HashSet<>();
    List<AttributeDefinition> definitions = spec.attributeDefinitions();
    for (int i = 0; i < definitions.size(); i++) {
      AttributeDefinition definition = definitions.get(i);
      String at = "AttributeDefinitions[" + i + "]";
      if (definition == null) {
        out.add(Violation.of(at, "must be an object"));
        continue;
      }
      if (!Names.isAttributeName(definition.attributeName())) {
        out.add(Violation.of(at + ".AttributeName", "is required (1 to 255 characters)"));
      } else if (!seen.add(definition.attributeName())) {
        out.add(Violation.of(at + ".AttributeName", "is defined twice"));
      }
      if (definition.attributeType() == null) {
        out.add(Violation.of(at + ".AttributeType", "is required: S, N or B"));
      }
    }
  }

  private static void checkKeySchema(
      TableSpec spec,
      List<KeySchemaElement> keys,
      String at,
      Set<String> used,
      List<Violation> out) {
    if (keys == null || keys.isEmpty()) {
      out.add(Violation.of(at, "is required: one HASH key and at most one RANGE key"));
      return;
    }
    if (keys.size() > 2) {
      out.add(Violation.of(at, "has at most two elements (HASH, then RANGE)"));
    }
    long hashes = keys.stream().filter(k -> k != null && k.keyType() == KeyType.HASH).count();
    long ranges = keys.stream().filter(k -> k != null && k.keyType() == KeyType.RANGE).count();
    if (hashes != 1) {
      out.add(Violation.of(at, "must have exactly one HASH key"));
    }
    if (ranges > 1) {
      out.add(Violation.of(at, "must have at most one RANGE key"));
    }
    if (keys.get(0) != null && keys.get(0).keyType() == KeyType.RANGE) {
      out.add(Violation.of(at + "[0].KeyType", "the HASH key comes first"));
    }
    for (int i = 0; i < keys.size(); i++) {
      KeySchemaElement key = keys.get(i);
      if (key == null || key.attributeName() == null) {
        out.add(Violation.of(at + "[" + i + "].AttributeName", "is required"));
        continue;
      }
      if (key.keyType() == null) {
        out.add(Violation.of(at + "[" + i + "].KeyType", "is required: HASH or RANGE"));
      }
      used.add(key.attributeName());
      if (spec.typeOf(key.attributeName()).isEmpty()) {
        out.add(
            Violation.of(
                at + "[" + i + "].AttributeName",
                key.attributeName() + " is not in AttributeDefinitions"));
      }
    }
  }

  private static void checkIndexes(TableSpec spec, Set<String> used, List<Violation> out) {
    Set<String> names = new HashSet<>();
    List<GlobalSecondaryIndex> gsis = spec.gsis();
    if (spec.globalSecondaryIndexes() != null && gsis.isEmpty()) {
      out.add(
          Violation.of("GlobalSecondaryIndexes", "must not be empty: leave it out for no index"));
    }
    if (gsis.size() > MAX_GSIS) {
      out.add(
          Violation.of(
              "GlobalSecondaryIndexes",
              "at most " + MAX_GSIS + " indexes per table (DynamoDB's quota)"));
    }
    boolean provisioned = spec.billingMode() == null || spec.billingMode().equals("PROVISIONED");
    for (int i = 0; i < gsis.size(); i++) {
      GlobalSecondaryIndex gsi = gsis.get(i);
      String at = "GlobalSecondaryIndexes[" + i + "]";
      if (gsi == null) {
        out.add(Violation.of(at, "must be an object"));
        continue;
      }
      if (!Names.isTableName(gsi.indexName())) {
        out.add(
            Violation.of(at + ".IndexName", "must be 3 to 255 of A-Z, a-z, 0-9, '_', '-' and '.'"));
      } else if (!names.add(gsi.indexName())) {
        out.add(Violation.of(at + ".IndexName", "is used twice"));
      }
      checkKeySchema(spec, gsi.keySchema(), at + ".KeySchema", used, out);
      checkProjection(gsi.projection(), at + ".Projection", out);
      if (provisioned && gsi.provisionedThroughput() == null) {
        out.add(
            Violation.of(
                at + ".ProvisionedThroughput",
                "is required when BillingMode is PROVISIONED (the default)"));
      } else if (!provisioned && gsi.provisionedThroughput() != null) {
        out.add(
            Violation.of(
                at + ".ProvisionedThroughput",
                "must be absent when BillingMode is PAY_PER_REQUEST"));
      }
    }
  }

  private static void checkProjection(
      TableSpec.Projection projection, String at, List<Violation> out) {
    if (projection == null || !PROJECTION_TYPES.contains(projection.projectionType())) {
      out.add(Violation.of(at + ".ProjectionType", "is required: ALL, KEYS_ONLY or INCLUDE"));
      return;
    }
    boolean include = projection.projectionType().equals("INCLUDE");
    List<String> nonKeys = projection.nonKeyAttributes();
    if (include && (nonKeys == null || nonKeys.isEmpty())) {
      out.add(Violation.of(at + ".NonKeyAttributes", "is required when ProjectionType is INCLUDE"));
    } else if (!include && nonKeys != null) {
      out.add(
          Violation.of(
              at + ".NonKeyAttributes",
              "must be absent when ProjectionType is " + projection.projectionType()));
    }
  }

  private static void checkBilling(TableSpec spec, List<Violation> out) {
    String mode = spec.billingMode() == null ? "PROVISIONED" : spec.billingMode();
    if (!BILLING_MODES.contains(mode)) {
      out.add(Violation.of("BillingMode", "must be PROVISIONED or PAY_PER_REQUEST"));
      return;
    }
    var throughput = spec.provisionedThroughput();
    if (mode.equals("PROVISIONED")) {
      if (throughput == null
          || throughput.readCapacityUnits() == null
          || throughput.writeCapacityUnits() == null) {
        out.add(
            Violation.of(
                "ProvisionedThroughput",
                "is required when BillingMode is PROVISIONED (the default)"));
      } else if (throughput.readCapacityUnits() < 1 || throughput.writeCapacityUnits() < 1) {
        out.add(Violation.of("ProvisionedThroughput", "capacity units must be at least 1"));
      }
    } else if (throughput != null) {
      out.add(
          Violation.of(
              "ProvisionedThroughput", "must be absent when BillingMode is PAY_PER_REQUEST"));
    }
  }
}
