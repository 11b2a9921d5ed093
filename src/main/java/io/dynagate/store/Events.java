package io.dynagate.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What each reconcile pass changed, found or failed at, per API, newest first. */
@ApplicationScoped
public class Events {

  /** One event: a change applied, drift found, or an error, with the pass that saw it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(Instant at, String api, String type, String message, String pass) {}

  private final DynamoDbClient dynamo;
  private final String table;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();
  private final AtomicLong sequence = new AtomicLong();

  public Events(DynamoDbClient dynamo, RegistryTable registryTable, ObjectMapper json) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.json = json;
  }

  public void record(String api, String type, String message, String pass) {
    Event event = new Event(clock.instant(), api, type, message, pass);
    // Sort key: zero-padded time then a sequence, so that a Query reads them in order.
    String sk =
        String.format(
            "%015d#%09d", event.at().toEpochMilli(), sequence.incrementAndGet() % 1_000_000_000);
    try {
      String body = json.writeValueAsString(event);
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(
                      Map.of(
                          RegistryTable.PK,
                          AttributeValue.fromS("event#" + api),
                          RegistryTable.SK,
                          AttributeValue.fromS(sk),
                          "event",
                          AttributeValue.fromS(body))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest events of an API, newest first. */
  public List<Event> recent(String api, int limit) {
    return dynamo
        .query(
            b ->
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("event#" + api)))
                    .scanIndexForward(false)
                    .limit(limit))
        .items()
        .stream()
        .map(item -> read(item.get("event").s()))
        .toList();
  }

  private Event read(String text) {
    try {
      return json.readValue(text, Event.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
