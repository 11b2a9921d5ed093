package io.dynagate.aws;

import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.TableSpec;
import io.dynagate.reconcile.AwsFailure;
import io.dynagate.reconcile.TablePort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** {@link TablePort} on DynamoDB. */
@ApplicationScoped
public class DynamoTables implements TablePort {

  private final DynamoDbClient dynamo;

  public DynamoTables(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  @Override
  public Optional<LiveTable> describe(String name) {
    try {
      return Optional.of(
          live(
              AwsErrors.call(
                  "DescribeTable", () -> dynamo.describeTable(b -> b.tableName(name)).table())));
    } catch (AwsFailure e) {
      if (e.kind() == AwsFailure.Kind.NOT_FOUND
          || e.getCause() instanceof ResourceNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void create(TableSpec spec, Map<String, String> tags) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(spec.tableName())
            .attributeDefinitions(
                spec.attributeDefinitions().stream().map(DynamoTables::definition).toList())
            .keySchema(keys(spec.keySchema()))
            .tags(
                tags.entrySet().stream()
                    .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                    .toList());
    if ("PAY_PER_REQUEST".equals(spec.billingMode())) {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    } else {
      request
          .billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(throughput(spec.provisionedThroughput()));
    }
    if (!spec.gsis().isEmpty()) {
      request.globalSecondaryIndexes(spec.gsis().stream().map(gsi -> gsi(spec, gsi)).toList());
    }
    String arn =
        AwsErrors.call(
            "CreateTable", () -> dynamo.createTable(request.build()).tableDescription().tableArn());
    // Some engines (dynalite) drop CreateTable's tags; without them the table would count as
    // foreign and never be deleted. DynamoDB keeps them, and then nothing more is written.
    if (!tags.isEmpty() && !carries(arn, tags)) {
      tag(arn, tags);
    }
  }

  // DynamoDB applies CreateTable's tags with the table; should it not answer for a table still
  // CREATING, they are there, and nothing is to be added.
  private boolean carries(String arn, Map<String, String> tags) {
    try {
      return tagsOf(arn).entrySet().containsAll(tags.entrySet());
    } catch (AwsFailure e) {
      return true;
    }
  }

  @Override
  public Map<String, String> tags(LiveTable table) {
    return tagsOf(table.arn());
  }

  @Override
  public void tag(LiveTable table, Map<String, String> tags) {
    tag(table.arn(), tags);
  }

  private Map<String, String> tagsOf(String arn) {
    return AwsErrors.call(
        "ListTagsOfResource",
        () -> {
          Map<String, String> out = new HashMap<>();
          String next = null;
          do {
            String token = next;
            var page = dynamo.listTagsOfResource(b -> b.resourceArn(arn).nextToken(token));
            page.tags().forEach(t -> out.put(t.key(), t.value()));
            next = page.nextToken();
          } while (next != null);
          return out;
        });
  }

  private void tag(String arn, Map<String, String> tags) {
    AwsErrors.run(
        "TagResource",
        () ->
            dynamo.tagResource(
                b ->
                    b.resourceArn(arn)
                        .tags(
                            tags.entrySet().stream()
                                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                                .toList())));
  }

  @Override
  public LiveTable awaitActive(String name, Duration bound) {
    WaiterOverrideConfiguration patience =
        WaiterOverrideConfiguration.builder()
            .waitTimeout(bound)
            .maxAttempts(Integer.MAX_VALUE)
            // The waiter's own 20 s between polls is long for dynalite's half second.
            .backoffStrategyV2(
                BackoffStrategy.exponentialDelayWithoutJitter(
                    Duration.ofMillis(50), Duration.ofSeconds(2)))
            .build();
    WaiterResponse<DescribeTableResponse> answer =
        AwsErrors.call(
            "DescribeTable",
            () ->
                dynamo
                    .waiter()
                    .waitUntilTableExists(
                        DescribeTableRequest.builder().tableName(name).build(), patience));
    return answer
        .matched()
        .response()
        .map(found -> live(found.table()))
        .orElseThrow(
            () ->
                new AwsFailure(
                    AwsFailure.Kind.UNAVAILABLE,
                    "DescribeTable",
                    "table " + name + " is not ACTIVE after " + bound,
                    null));
  }

  @Override
  public void delete(String name) {
    AwsErrors.run("DeleteTable", () -> dynamo.deleteTable(b -> b.tableName(name)));
  }

  private static LiveTable live(TableDescription table) {
    List<TableSpec.KeySchemaElement> keys =
        table.keySchema().stream()
            .map(
                k ->
                    new TableSpec.KeySchemaElement(
                        k.attributeName(), KeyType.valueOf(k.keyTypeAsString())))
            .toList();
    List<TableSpec.AttributeDefinition> attributes =
        table.attributeDefinitions().stream()
            .map(
                a ->
                    new TableSpec.AttributeDefinition(
                        a.attributeName(), AttributeType.valueOf(a.attributeTypeAsString())))
            .toList();
    return new LiveTable(
        table.tableName(), table.tableArn(), table.tableStatusAsString(), keys, attributes);
  }

  private static AttributeDefinition definition(TableSpec.AttributeDefinition d) {
    return AttributeDefinition.builder()
        .attributeName(d.attributeName())
        .attributeType(d.attributeType().name())
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

  private static ProvisionedThroughput throughput(TableSpec.ProvisionedThroughput t) {
    long read = t == null || t.readCapacityUnits() == null ? 1 : t.readCapacityUnits();
    long write = t == null || t.writeCapacityUnits() == null ? 1 : t.writeCapacityUnits();
    return ProvisionedThroughput.builder()
        .readCapacityUnits(read)
        .writeCapacityUnits(write)
        .build();
  }

  private static GlobalSecondaryIndex gsi(TableSpec table, TableSpec.GlobalSecondaryIndex gsi) {
    GlobalSecondaryIndex.Builder index =
        GlobalSecondaryIndex.builder()
            .indexName(gsi.indexName())
            .keySchema(keys(gsi.keySchema()))
            .projection(
                Projection.builder()
                    .projectionType(gsi.projection().projectionType())
                    .nonKeyAttributes(gsi.projection().nonKeyAttributes())
                    .build());
    if (!"PAY_PER_REQUEST".equals(table.billingMode())) {
      index.provisionedThroughput(
          throughput(
              gsi.provisionedThroughput() != null
                  ? gsi.provisionedThroughput()
                  : table.provisionedThroughput()));
    }
    return index.build();
  }
}
