package io.dynagate.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Audit events to and from registry items. */
final class AuditItems {

  private AuditItems() {}

  static Map<String, AttributeValue> toItem(AuditEvent event) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("at", AttributeValue.fromS(event.at().toString()));
    item.put("actor", AttributeValue.fromS(event.actor()));
    item.put("team", AttributeValue.fromS(event.team()));
    item.put("action", AttributeValue.fromS(event.action()));
    item.put("kind", AttributeValue.fromS(event.kind()));
    item.put("name", AttributeValue.fromS(event.name()));
    putNumber(item, "versionBefore", event.versionBefore());
    putNumber(item, "versionAfter", event.versionAfter());
    putText(item, "specBefore", event.specBefore());
    putText(item, "specAfter", event.specAfter());
    return item;
  }

  static AuditEvent fromItem(Map<String, AttributeValue> item) {
    return new AuditEvent(
        item.get(AuditTrail.SK).s(),
        Instant.parse(item.get("at").s()),
        item.get("actor").s(),
        item.get("team").s(),
        item.get("action").s(),
        item.get("kind").s(),
        item.get("name").s(),
        number(item, "versionBefore"),
        number(item, "versionAfter"),
        text(item, "specBefore"),
        text(item, "specAfter"));
  }

  private static void putNumber(Map<String, AttributeValue> item, String name, Long value) {
    if (value != null) {
      item.put(name, AttributeValue.fromN(value.toString()));
    }
  }

  private static void putText(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  private static Long number(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? Long.valueOf(item.get(name).n()) : null;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? item.get(name).s() : null;
  }
}
