package io.dynagate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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

  public Leases(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
  }

  /**
   * Takes (or renews) the lease on {@code api} for {@code duration}; false when another holds it.
   */
  public boolean acquire(String api, Duration duration) {
    long now = clock.millis();
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
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
