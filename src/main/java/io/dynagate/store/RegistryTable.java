package io.dynagate.store;

import io.dynagate.config.DynagateConfig;
import io.dynagate.start.StartException;
import io.dynagate.start.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The registry's one table: partition key {@code pk} (the kind of record and its scope, e.g. {@code
 * route#shop}) and sort key {@code sk} (the name), so that every list is one Query.
 */
@ApplicationScoped
public class RegistryTable implements StartupStep {

  private static final Logger LOG = Logger.getLogger(RegistryTable.class);
  static final String PK = "pk";
  static final String SK = "sk";

  private final DynamoDbClient dynamo;
  private final String name;

  public RegistryTable(DynamoDbClient dynamo, DynagateConfig config) {
    this.dynamo = dynamo;
    this.name = config.registry().table();
  }

  public String name() {
    return name;
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
