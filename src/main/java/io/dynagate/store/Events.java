package io.dynagate.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** What each reconcile pass changed, found or failed at, per API, newest first. */
@ApplicationScoped
public class Events {

  /** One event: a change applied, drift found, or an error, with the pass that saw it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(Instant at, String api, String type, String message, String pass) {}

  /** The stored item: partition {@code event#API}, the event as JSON text in {@code event}. */
  record EventItem(String pk, String sk, String event) {

    private static final class Builder {
      private String pk;
      private String sk;
      private String event;

      EventItem build() {
        return new EventItem(pk, sk, event);
      }
    }

    static final TableSchema<EventItem> SCHEMA =
        RegistryTable.schema(
                EventItem.class,
                Builder.class,
                Builder::new,
                Builder::build,
                EventItem::pk,
                (b, v) -> b.pk = v,
                EventItem::sk,
                (b, v) -> b.sk = v)
            .addAttribute(
                String.class,
                a -> a.name("event").getter(EventItem::event).setter((b, v) -> b.event = v))
            .build();
  }

  private final DynamoDbTable<EventItem> events;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();
  private final AtomicLong sequence = new AtomicLong();

  public Events(RegistryTable registryTable, ObjectMapper json) {
    this.events = registryTable.mapped(EventItem.SCHEMA);
    this.json = json;
  }

  public void record(String api, String type, String message, String pass) {
    Event event = new Event(clock.instant(), api, type, message, pass);
    // Sort key: zero-padded time then a sequence, so that a Query reads them in order.
    String sk =
        String.format(
            "%015d#%09d", event.at().toEpochMilli(), sequence.incrementAndGet() % 1_000_000_000);
    try {
      events.putItem(new EventItem(partition(api), sk, json.writeValueAsString(event)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest events of an API, newest first. */
  public List<Event> recent(String api, int limit) {
    // One page of `limit` items: the newest, and no further request for older ones.
    return events
        .query(RegistryTable.queryOf(partition(api)).scanIndexForward(false).limit(limit).build())
        .stream()
        .findFirst()
        .map(page -> page.items().stream().map(item -> read(item.event())).toList())
        .orElse(List.of());
  }

  private static String partition(String api) {
    return "event#" + api;
  }

  private Event read(String text) {
    try {
      return json.readValue(text, Event.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
