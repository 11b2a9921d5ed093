package io.dynagate.audit;

import io.dynagate.store.RegistryTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Audit events as registry items: one event under one of the partitions it is listed in, its id as
 * the sort key. Versions and specs an event does not have are left out of the item.
 */
final class AuditItems {

  private AuditItems() {}

  /** One event as listed in one partition. */
  record Item(String partition, AuditEvent event) {}

  private static final class Builder {
    private String partition;
    private String id;
    private Instant at;
    private String actor;
    private String team;
    private String action;
    private String kind;
    private String name;
    private Long versionBefore;
    private Long versionAfter;
    private String specBefore;
    private String specAfter;

    Item build() {
      return new Item(
          partition,
          new AuditEvent(
              id,
              at,
              actor,
              team,
              action,
              kind,
              name,
              versionBefore,
              versionAfter,
              specBefore,
              specAfter));
    }
  }

  static final TableSchema<Item> SCHEMA =
      RegistryTable.schema(
              Item.class,
              Builder.class,
              Builder::new,
              Builder::build,
              Item::partition,
              (b, v) -> b.partition = v,
              item -> item.event().id(),
              (b, v) -> b.id = v)
          .addAttribute(
              Instant.class,
              a -> a.name("at").getter(item -> item.event().at()).setter((b, v) -> b.at = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("actor")
                      .getter(item -> item.event().actor())
                      .setter((b, v) -> b.actor = v))
          .addAttribute(
              String.class,
              a -> a.name("team").getter(item -> item.event().team()).setter((b, v) -> b.team = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("action")
                      .getter(item -> item.event().action())
                      .setter((b, v) -> b.action = v))
          .addAttribute(
              String.class,
              a -> a.name("kind").getter(item -> item.event().kind()).setter((b, v) -> b.kind = v))
          .addAttribute(
              String.class,
              a -> a.name("name").getter(item -> item.event().name()).setter((b, v) -> b.name = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("versionBefore")
                      .getter(item -> item.event().versionBefore())
                      .setter((b, v) -> b.versionBefore = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("versionAfter")
                      .getter(item -> item.event().versionAfter())
                      .setter((b, v) -> b.versionAfter = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("specBefore")
                      .getter(item -> item.event().specBefore())
                      .setter((b, v) -> b.specBefore = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("specAfter")
                      .getter(item -> item.event().specAfter())
                      .setter((b, v) -> b.specAfter = v))
          .build();
}
