package io.dynagate.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One reconciler per API at a time across instances sharing the registry: a lease item per API,
 * taken with a conditional write when free or expired, released by its holder.
 */
@ApplicationScoped
public class Leases {

  private final DynamoDbClient dynamo;
  private final String table;
  private final String holder = UUID.randomUUID().toString();
  private final Clock clock = Clock.systemUTC();
  private final Counter takeovers;

  public Leases(DynamoDbClient dynamo, RegistryTable registryTable, MeterRegistry meters) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.takeovers =
        Counter.builder("dynagate.lease.takeovers")
            .description("Reconcile leases taken over after their holder let them expire")
            .register(meters);
  }

  /**
   * Takes (or renews) the lease on {@code api} for {@code duration}; false when another holds it.
   */
  public boolean acquire(String api, Duration duration) {
    long now = clock.millis();
    try {
      PutItemResponse previous =
          dynamo.putItem(
              b ->
                  b.tableName(table)
                      .returnValues(ReturnValue.ALL_OLD)
                      .item(
                          Map.of(
                              RegistryTable.PK,
                              AttributeValue.fromS("lease"),
                              RegistryTable.SK,
                              AttributeValue.fromS(api),
                              "holder",
                              AttributeValue.fromS(holder),
                              "expiresAt",
                              AttributeValue.fromN(Long.toString(now + duration.toMillis()))))
                      .conditionExpression(
                          "attribute_not_exists(pk) OR expiresAt < :now OR holder = :me")
                      .expressionAttributeValues(
                          Map.of(
                              ":now", AttributeValue.fromN(Long.toString(now)),
                              ":me", AttributeValue.fromS(holder))));
      AttributeValue before = previous.attributes().get("holder");
      if (before != null && !holder.equals(before.s())) {
        // The previous holder let its lease expire without releasing it: most likely it crashed.
        takeovers.increment();
      }
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  public void release(String api) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(
                      Map.of(
                          RegistryTable.PK,
                          AttributeValue.fromS("lease"),
                          RegistryTable.SK,
                          AttributeValue.fromS(api)))
                  .conditionExpression("holder = :me")
                  .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(holder))));
    } catch (ConditionalCheckFailedException e) {
      // expired and taken by another holder meanwhile: theirs now
    }
  }
}
