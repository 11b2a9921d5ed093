package io.dynagate.preflight;

import io.dynagate.declaration.TableSpec;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * A declared table as the shadow makes it: the declared keys, indexes and projections (they decide
 * what routes answer), on demand (capacity decides nothing there).
 */
final class ShadowTables {

  private ShadowTables() {}

  static CreateTableRequest create(TableSpec spec) {
    return CreateTableRequest.builder()
        .tableName(spec.tableName())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            spec.attributeDefinitions().stream()
                .map(
                    d ->
                        AttributeDefinition.builder()
                            .attributeName(d.attributeName())
                            .attributeType(d.attributeType().name())
                            .build())
                .toList())
        .keySchema(keys(spec.keySchema()))
        .globalSecondaryIndexes(
            spec.gsis().isEmpty() ? null : spec.gsis().stream().map(ShadowTables::gsi).toList())
        .build();
  }

  private static GlobalSecondaryIndex gsi(TableSpec.GlobalSecondaryIndex gsi) {
    TableSpec.Projection projection = gsi.projection();
    return GlobalSecondaryIndex.builder()
        .indexName(gsi.indexName())
        .keySchema(keys(gsi.keySchema()))
        .projection(
            projection == null
                ? Projection.builder().projectionType("ALL").build()
                : Projection.builder()
                    .projectionType(projection.projectionType())
                    .nonKeyAttributes(projection.nonKeyAttributes())
                    .build())
        .build();
  }

  private static List<KeySchemaElement> keys(List<TableSpec.KeySchemaElement> keys) {
    return keys.stream()
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(k.attributeName())
                    .keyType(k.keyType().name())
                    .build())
        .toList();
  }
}
