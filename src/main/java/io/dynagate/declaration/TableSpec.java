package io.dynagate.declaration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table declaration: a DynamoDB CreateTable request (so the AWS CLI's JSON is accepted as it is),
 * plus Dynagate's extras {@code AttributeSchema}, {@code DeletionPolicy} and {@code SharedWith}
 * (the other teams whose routes may read this table).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableSpec(
    @JsonProperty("TableName") String tableName,
    @JsonProperty("AttributeDefinitions") List<AttributeDefinition> attributeDefinitions,
    @JsonProperty("KeySchema") List<KeySchemaElement> keySchema,
    @JsonProperty("BillingMode") String billingMode,
    @JsonProperty("ProvisionedThroughput") ProvisionedThroughput provisionedThroughput,
    @JsonProperty("GlobalSecondaryIndexes") List<GlobalSecondaryIndex> globalSecondaryIndexes,
    @JsonProperty("AttributeSchema") Map<String, ValueType> attributeSchema,
    @JsonProperty("DeletionPolicy") DeletionPolicy deletionPolicy,
    @JsonProperty("SharedWith") List<String> sharedWith) {

  public TableSpec {
    attributeDefinitions =
        attributeDefinitions == null ? List.of() : List.copyOf(attributeDefinitions);
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
    globalSecondaryIndexes =
        globalSecondaryIndexes == null ? null : List.copyOf(globalSecondaryIndexes);
    attributeSchema = attributeSchema == null ? null : Map.copyOf(attributeSchema);
    sharedWith = sharedWith == null ? null : List.copyOf(sharedWith);
  }

  /** A table shared with no other team. */
  public TableSpec(
      String tableName,
      List<AttributeDefinition> attributeDefinitions,
      List<KeySchemaElement> keySchema,
      String billingMode,
      ProvisionedThroughput provisionedThroughput,
      List<GlobalSecondaryIndex> globalSecondaryIndexes,
      Map<String, ValueType> attributeSchema,
      DeletionPolicy deletionPolicy) {
    this(
        tableName,
        attributeDefinitions,
        keySchema,
        billingMode,
        provisionedThroughput,
        globalSecondaryIndexes,
        attributeSchema,
        deletionPolicy,
        null);
  }

  public enum DeletionPolicy {
    RETAIN,
    DELETE
  }

  public record AttributeDefinition(
      @JsonProperty("AttributeName") String attributeName,
      @JsonProperty("AttributeType") AttributeType attributeType) {}

  public record KeySchemaElement(
      @JsonProperty("AttributeName") String attributeName,
      @JsonProperty("KeyType") KeyType keyType) {}

  public record ProvisionedThroughput(
      @JsonProperty("ReadCapacityUnits") Long readCapacityUnits,
      @JsonProperty("WriteCapacityUnits") Long writeCapacityUnits) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Projection(
      @JsonProperty("ProjectionType") String projectionType,
      @JsonProperty("NonKeyAttributes") List<String> nonKeyAttributes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GlobalSecondaryIndex(
      @JsonProperty("IndexName") String indexName,
      @JsonProperty("KeySchema") List<KeySchemaElement> keySchema,
      @JsonProperty("Projection") Projection projection,
      @JsonProperty("ProvisionedThroughput") ProvisionedThroughput provisionedThroughput) {}

  /** The key schema of the table, or of the named GSI. */
  public Optional<List<KeySchemaElement>> keySchemaOf(String indexName) {
    if (indexName == null) {
      return Optional.of(keySchema);
    }
    return gsis().stream()
        .filter(gsi -> indexName.equals(gsi.indexName()))
        .findFirst()
        .map(GlobalSecondaryIndex::keySchema);
  }

  public List<GlobalSecondaryIndex> gsis() {
    return globalSecondaryIndexes == null ? List.of() : globalSecondaryIndexes;
  }

  /** Declared type of a key attribute. */
  public Optional<AttributeType> typeOf(String attributeName) {
    return attributeDefinitions.stream()
        .filter(d -> d.attributeName().equals(attributeName))
        .findFirst()
        .map(AttributeDefinition::attributeType);
  }

  /** Is this table shared with that team? Its owner's access is not a question of sharing. */
  public boolean isSharedWith(String team) {
    return sharedWith != null && sharedWith.contains(team);
  }

  public DeletionPolicy deletionPolicyOrDefault() {
    return deletionPolicy == null ? DeletionPolicy.RETAIN : deletionPolicy;
  }
}
