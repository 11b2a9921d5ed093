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

  /** A table as DynamoDB describes it: its key schema as {@code name → HASH|RANGE} and types. */
  record LiveTable(
      String name,
      String arn,
      String status,
      List<TableSpec.KeySchemaElement> keySchema,
      List<TableSpec.AttributeDefinition> keyAttributes) {}
}
