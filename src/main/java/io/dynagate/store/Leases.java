package io.dynagate.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One reconciler per API at a time across instances sharing the registry: a lease item per API,
 * taken with a conditional write when free or expired, released by its holder.
 */
@ApplicationScoped
public class Leases {

  private static final String PARTITION = "lease";

  /** The lease item: partition {@code lease}, sort key the API. */
  record Lease(String api, String holder, Long expiresAt) {

    private static final class Builder {
      private String api;
      private String holder;
      private Long expiresAt;

      Lease build() {
        return new Lease(api, holder, expiresAt);
      }
    }

    static final TableSchema<Lease> SCHEMA =
        RegistryTable.schema(
                Lease.class,
                Builder.class,
                Builder::new,
                Builder::build,
                lease -> PARTITION,
                (b, pk) -> {},
                Lease::api,
                (b, api) -> b.api = api)
            .addAttribute(
                String.class,
                a -> a.name("holder").getter(Lease::holder).setter((b, v) -> b.holder = v))
            .addAttribute(
                Long.class,
                a -> a.name("expiresAt").getter(Lease::expiresAt).setter((b, v) -> b.expiresAt = v))
            .build();
  }

  private final DynamoDbTable<Lease> leases;
  private final String holder = UUID.randomUUID().toString();
  private final Clock clock = Clock.systemUTC();
  private final Counter takeovers;

  public Leases(RegistryTable registryTable, MeterRegistry meters) {
    this.leases = registryTable.mapped(Lease.SCHEMA);
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
      Lease previous =
          leases
              .putItemWithResponse(
                  PutItemEnhancedRequest.builder(Lease.class)
                      .item(new Lease(api, holder, now + duration.toMillis()))
                      .conditionExpression(
                          Expression.builder()
                              .expression(
                                  "attribute_not_exists(pk) OR expiresAt < :now OR holder = :me")
                              .expressionValues(
                                  Map.of(
                                      ":now", AttributeValue.fromN(Long.toString(now)),
                                      ":me", AttributeValue.fromS(holder)))
                              .build())
                      .returnValues(ReturnValue.ALL_OLD)
                      .build())
              .attributes();
      if (previous != null && previous.holder() != null && !holder.equals(previous.holder())) {
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
      leases.deleteItem(
          DeleteItemEnhancedRequest.builder()
              .key(RegistryTable.key(PARTITION, api))
              .conditionExpression(
                  Expression.builder()
                      .expression("holder = :me")
                      .expressionValues(Map.of(":me", AttributeValue.fromS(holder)))
                      .build())
              .build());
    } catch (ConditionalCheckFailedException e) {
      // expired and taken by another holder meanwhile: theirs now
    }
  }
}
