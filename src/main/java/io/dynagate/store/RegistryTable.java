package io.dynagate.store;

import io.dynagate.config.DynagateConfig;
import io.dynagate.start.StartException;
import io.dynagate.start.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The registry's one table: partition key {@code pk} (the kind of record and its scope, e.g. {@code
 * route#shop}) and sort key {@code sk} (the name), so that every list is one Query.
 *
 * <p>Each kind of item has its own table schema over this one table ({@link #mapped}); the enhanced
 * client keeps declaration versions with its versioned-record extension. The table itself is
 * created here with the low-level client: creating it is a control-plane call that must tolerate
 * another instance creating it first.
 */
@ApplicationScoped
public class RegistryTable implements StartupStep {

  private static final Logger LOG = Logger.getLogger(RegistryTable.class);
  public static final String PK = "pk";
  public static final String SK = "sk";

  private final DynamoDbClient dynamo;
  private final DynamoDbEnhancedClient enhanced;
  private final String name;

  public RegistryTable(DynamoDbClient dynamo, DynagateConfig config) {
    this.dynamo = dynamo;
    this.enhanced =
        DynamoDbEnhancedClient.builder()
            .dynamoDbClient(dynamo)
            .extensions(VersionedRecordExtension.builder().build())
            .build();
    this.name = config.registry().table();
  }

  public String name() {
    return name;
  }

  /** The registry table seen as one kind of item. */
  public <T> DynamoDbTable<T> mapped(TableSchema<T> schema) {
    return enhanced.table(name, schema);
  }

  /** The enhanced client, for the calls that span items (batch writes). */
  public DynamoDbEnhancedClient enhanced() {
    return enhanced;
  }

  /** The key of the item {@code sk} in partition {@code pk}. */
  /**
   * The schema of one kind of registry item, begun with its keys as the registry stores them: the
   * partition in {@code pk}, the sort key in {@code sk}. The caller adds the item's own attributes
   * and builds it.
   */
  public static <T, B> StaticImmutableTableSchema.Builder<T, B> schema(
      Class<T> item,
      Class<B> builder,
      Supplier<B> newBuilder,
      Function<B, T> build,
      Function<T, String> partition,
      BiConsumer<B, String> setPartition,
      Function<T, String> sortKey,
      BiConsumer<B, String> setSortKey) {
    return StaticImmutableTableSchema.builder(item, builder)
        .newItemBuilder(newBuilder, build)
        .addAttribute(
            String.class,
            a ->
                a.name(PK)
                    .getter(partition)
                    .setter(setPartition)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
        .addAttribute(
            String.class,
            a ->
                a.name(SK)
                    .getter(sortKey)
                    .setter(setSortKey)
                    .tags(StaticAttributeTags.primarySortKey()));
  }

  public static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }

  /** A consistent read of the item {@code sk} in partition {@code pk}. */
  public static GetItemEnhancedRequest consistentGet(String pk, String sk) {
    return GetItemEnhancedRequest.builder().key(key(pk, sk)).consistentRead(true).build();
  }

  /** A Query over partition {@code pk}, for the caller to finish. */
  public static QueryEnhancedRequest.Builder queryOf(String pk) {
    return QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()));
  }

  /** The same key as attribute values: for a low-level write, or where a Query resumes. */
  public static Map<String, AttributeValue> itemKey(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }

  /**
   * The first page {@code query} answers on {@code table}, its items mapped, with a cursor sealed
   * for {@code partition} where it stopped (none at the end).
   */
  public static <T, R> Page<R> firstPage(
      DynamoDbTable<T> table,
      QueryEnhancedRequest query,
      Cursors cursors,
      String partition,
      Function<T, R> map) {
    var page = table.query(query).iterator().next();
    String stoppedAt = stoppedAt(page.lastEvaluatedKey());
    return new Page<>(
        page.items().stream().map(map).toList(),
        stoppedAt == null ? null : cursors.seal(partition, stoppedAt));
  }

  /** The sort key a Query stopped at, or null on the last page. */
  private static String stoppedAt(Map<String, AttributeValue> lastEvaluatedKey) {
    return lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()
        ? null
        : lastEvaluatedKey.get(SK).s();
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void run() {
    try {
      ensureExists();
    } catch (SdkException e) {
      throw new StartException(
          "the registry table " + name + " is not reachable: " + e.getMessage(), e);
    }
  }

  private void ensureExists() {
    try {
      dynamo.describeTable(b -> b.tableName(name));
      return;
    } catch (ResourceNotFoundException e) {
      LOG.infof("creating the registry table %s", name);
    }
    try {
      dynamo.createTable(
          b ->
              b.tableName(name)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(PK)
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName(SK)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                      KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build()));
    } catch (ResourceInUseException e) {
      // another instance created it first
    }
    awaitActive(Duration.ofSeconds(60));
  }

  // The SDK's waiter polls every 20 s; a new table is usually ACTIVE within milliseconds.
  private void awaitActive(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      if (dynamo
          .describeTable(b -> b.tableName(name))
          .table()
          .tableStatusAsString()
          .equals("ACTIVE")) {
        return;
      }
      sleep(Duration.ofMillis(50));
    }
    throw new StartException(
        "the registry table " + name + " did not become ACTIVE within " + bound);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartException("interrupted while waiting for the registry table", e);
    }
  }
}
