package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DynamoDB tables, as the reconciler needs them. */
public interface TablePort {

  /** The live table, or empty when it does not exist. */
  Optional<LiveTable> describe(String name);

  /** Creates the table with the declared schema and the given tags (does not wait). */
  void create(TableSpec spec, Map<String, String> tags);

  /** Waits until the table is ACTIVE; {@link AwsFailure} when it is not within {@code bound}. */
  LiveTable awaitActive(String name, Duration bound);

  void delete(String name);

  /** The tags of a live table. */
  Map<String, String> tags(LiveTable table);

  /** Adds (or overwrites) tags on a live table. */
  void tag(LiveTable table, Map<String, String> tags);

  /** The tags marking a table as Dynagate's, made or adopted for {@code owner}. */
  static Map<String, String> ownerTags(String owner) {
    return Map.of(OWNER_TAG, owner, MANAGED_BY_TAG, MANAGED_BY);
  }

  /** Did Dynagate make (or an admin adopt) this table for {@code owner}? */
  static boolean ownedBy(Map<String, String> tags, String owner) {
    return MANAGED_BY.equals(tags.get(MANAGED_BY_TAG)) && owner.equals(tags.get(OWNER_TAG));
  }

  String OWNER_TAG = "dynagate:owner";
  String MANAGED_BY_TAG = "dynagate:managed-by";
  String MANAGED_BY = "dynagate";

  /** A table as DynamoDB describes it: its key schema as {@code name → HASH|RANGE} and types. */
  record LiveTable(
      String name,
      String arn,
      String status,
      List<TableSpec.KeySchemaElement> keySchema,
      List<TableSpec.AttributeDefinition> keyAttributes) {}
}
