package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's typed JSON ({@code {"S": "x"}}) to and from the SDK's attribute values. */
final class TypedJson {
  private TypedJson() {}

  static Map<String, AttributeValue> item(JsonNode item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
    return out;
  }

  static AttributeValue value(JsonNode typed) {
    var entry = typed.fields().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> AttributeValue.fromS(v.textValue());
      case "N" -> AttributeValue.fromN(v.textValue());
      case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(decode(v)));
      case "BOOL" -> AttributeValue.fromBool(v.booleanValue());
      case "NULL" -> AttributeValue.fromNul(true);
      case "SS" -> AttributeValue.fromSs(texts(v));
      case "NS" -> AttributeValue.fromNs(texts(v));
      case "BS" ->
          AttributeValue.fromBs(
              texts(v).stream().map(t -> SdkBytes.fromByteArray(decode(t))).toList());
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(e -> list.add(value(e)));
        yield AttributeValue.fromL(list);
      }
      case "M" -> AttributeValue.fromM(item(v));
      default -> throw new IllegalArgumentException("not a DynamoDB type: " + entry.getKey());
    };
  }

  /** An SDK item as typed JSON. */
  static JsonNode node(Map<String, AttributeValue> item) {
    ObjectNode out = SyntheticValues.NODES.objectNode();
    item.forEach((name, value) -> out.set(name, node(value)));
    return out;
  }

  private static JsonNode node(AttributeValue value) {
    return switch (value.type()) {
      case S -> SyntheticValues.string(value.s());
      case N -> SyntheticValues.number(value.n());
      case B -> SyntheticValues.binary(value.b().asByteArray());
      case BOOL -> SyntheticValues.typed("BOOL", SyntheticValues.NODES.booleanNode(value.bool()));
      case NUL -> SyntheticValues.typed("NULL", SyntheticValues.NODES.booleanNode(true));
      case SS -> strings("SS", value.ss());
      case NS -> strings("NS", value.ns());
      case BS ->
          strings(
              "BS",
              value.bs().stream()
                  .map(b -> Base64.getEncoder().encodeToString(b.asByteArray()))
                  .toList());
      case L -> {
        ArrayNode list = SyntheticValues.NODES.arrayNode();
        value.l().forEach(e -> list.add(node(e)));
        yield SyntheticValues.typed("L", list);
      }
      case M -> SyntheticValues.typed("M", node(value.m()));
      case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown type");
    };
  }

  private static JsonNode strings(String type, List<String> members) {
    ArrayNode array = SyntheticValues.NODES.arrayNode();
    members.forEach(array::add);
    return SyntheticValues.typed(type, array);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.textValue()));
    return out;
  }

  private static byte[] decode(JsonNode base64) {
    return decode(base64.textValue());
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64);
  }
}
