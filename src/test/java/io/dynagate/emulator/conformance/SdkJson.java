package io.dynagate.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Moves JSON in and out of the SDK's model objects through their own field descriptions, so that a
 * recorded call reaches the emulator as the AWS SDK sends it and its answer reads as boto3 shows it
 * (camelCase members, dates as {@code datetime}, absent members left out).
 */
final class SdkJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SdkJson() {}

  /** Fills a builder of the SDK (a request or a nested shape) from JSON members. */
  static void fill(SdkPojo builder, JsonNode json) {
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    builder.sdkFields().forEach(f -> fields.put(f.memberName(), f));
    json.fields()
        .forEachRemaining(
            member -> {
              SdkField<?> field = fields.get(member.getKey());
              if (field == null) {
                throw new IllegalArgumentException("no member " + member.getKey());
              }
              field.set(builder, value(field, member.getValue()));
            });
  }

  private static Object value(SdkField<?> field, JsonNode json) {
    if (json.isNull()) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(nested, json);
      return ((SdkBuilder<?, ?>) nested).build();
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      json.forEach(item -> list.add(value(member, item)));
      return list;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      json.fields().forEachRemaining(e -> map.put(e.getKey(), value(member, e.getValue())));
      return map;
    }
    if (type == MarshallingType.BOOLEAN) {
      return json.asBoolean();
    }
    if (type == MarshallingType.INTEGER) {
      return json.asInt();
    }
    if (type == MarshallingType.LONG) {
      return json.asLong();
    }
    if (type == MarshallingType.DOUBLE) {
      return json.asDouble();
    }
    if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromUtf8String(json.isTextual() ? json.asText() : json.toString());
    }
    return json.asText();
  }

  /** A model object (an answer or one of its parts) as JSON, members the SDK left unset omitted. */
  static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      JsonNode value = toJson(field.getValueOrDefault(pojo));
      if (value != null) {
        node.set(field.memberName(), value);
      }
    }
    return node;
  }

  private static JsonNode toJson(Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList<?>
        || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      return toJson(pojo);
    }
    if (value instanceof Collection<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
      return object;
    }
    if (value instanceof Instant) {
      return NODES.textNode("datetime");
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.textNode(bytes.asUtf8String());
    }
    return MAPPER.valueToTree(value);
  }
}
