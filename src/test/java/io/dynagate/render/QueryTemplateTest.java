package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import io.dynagate.emulator.vtl.VtlInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTemplateTest {

  private static final Templates ORDERS =
      Templates.of(Fixtures.query("/customers/{customerId}/orders", "orders", null, null));
  private static final Templates BY_STATUS =
      Templates.of(Fixtures.query("/status/{status}/orders", "orders", "byStatus", null));

  @ParameterizedTest
  @CsvSource({
    "EQ, '#k0 = :k0 AND #k1 = :s0'",
    "LT, '#k0 = :k0 AND #k1 < :s0'",
    "LE, '#k0 = :k0 AND #k1 <= :s0'",
    "GT, '#k0 = :k0 AND #k1 > :s0'",
    "GE, '#k0 = :k0 AND #k1 >= :s0'",
    "BEGINS_WITH, '#k0 = :k0 AND begins_with(#k1, :s0)'",
    "BETWEEN, '#k0 = :k0 AND #k1 BETWEEN :s0 AND :s1'"
  })
  void sortConditions(Condition condition, String expression) {
    RouteSpec route =
        Fixtures.query(
            "/events/{tenant}",
            "events",
            null,
            Fixtures.sort(condition, "query.from", "header.X-To"));
    JsonNode out =
        request(
            Templates.of(route),
            Map.of("tenant", "t1"),
            Map.of("from", "e-1"),
            Map.of("x-to", "e-9"));
    assertEquals(expression, out.get("KeyConditionExpression").asText());
    assertEquals("tenant", out.get("ExpressionAttributeNames").get("#k0").asText());
    assertEquals("eventId", out.get("ExpressionAttributeNames").get("#k1").asText());
    assertEquals("t1", out.get("ExpressionAttributeValues").get(":k0").get("S").asText());
    assertEquals("e-1", out.get("ExpressionAttributeValues").get(":s0").get("S").asText());
    if (condition == Condition.BETWEEN) {
      assertEquals("e-9", out.get("ExpressionAttributeValues").get(":s1").get("S").asText());
    }
  }

  @Test
  void gsiQueryNamesTheIndexAndItsKey() {
    JsonNode out = request(BY_STATUS, Map.of("status", "open"), Map.of(), Map.of());
    assertEquals("byStatus", out.get("IndexName").asText());
    assertEquals("status", out.get("ExpressionAttributeNames").get("#k0").asText());
    assertEquals("#k0 = :k0", out.get("KeyConditionExpression").asText());
    assertFalse(out.has("ExclusiveStartKey"));
  }

  @ParameterizedTest
  @CsvSource({
    "'', 20",
    "5, 5",
    "100, 100",
    "101, 100",
    "5000, 100",
    "99999999999999999999, 100",
    "0, 0",
    "-1, 0",
    "-3, 0",
    "abc, 0",
    "2.5, 0",
    "1e9, 0",
    "' 5', 0",
    "07, 0",
    "'5}, \"TableName\": \"x', 0"
  })
  // 0 is what DynamoDB refuses (ValidationException), so that a bad limit answers 400.
  void limitIsClampedAndAlwaysANumber(String asked, int expected) {
    Map<String, String> query = asked.isEmpty() ? Map.of() : Map.of("limit", asked);
    JsonNode out = request(ORDERS, Map.of("customerId", "c1"), query, Map.of());
    assertTrue(out.get("Limit").isInt(), out.toString());
    assertEquals(expected, out.get("Limit").asInt());
  }

  @ParameterizedTest
  @CsvSource({
    "desc, false, 20",
    "asc, true, 20",
    "'', true, 20",
    "DESC, true, 0",
    "sideways, true, 0"
  })
  void orderSetsScanDirectionAndAnUnknownOneIsRefused(String order, boolean forward, int limit) {
    Map<String, String> query = order.isEmpty() ? Map.of() : Map.of("order", order);
    JsonNode out = request(ORDERS, Map.of("customerId", "c1"), query, Map.of());
    // ascending is DynamoDB's default: the request names only a descending order
    assertEquals(forward, out.path("ScanIndexForward").asBoolean(true));
    assertEquals(!forward, out.has("ScanIndexForward"));
    assertEquals(limit, out.get("Limit").asInt());
  }

  @Test
  void nextCursorRoundTripsToExclusiveStartKey() {
    String lastKey =
        "{\"status\":{\"S\":\"op'en\\\"/é\"},\"createdAt\":{\"N\":\"17\"},"
            + "\"customerId\":{\"S\":\"c+/=?&\"}}";
    String page = "{\"Items\":[],\"LastEvaluatedKey\":" + lastKey + "}";
    JsonNode answer = Run.json(Run.render(BY_STATUS.success(), VtlInput.body(page)).body());
    String cursor = answer.get("nextCursor").asText();
    assertTrue(cursor.matches("[A-Za-z0-9_=-]+"), "URL-safe cursor: " + cursor);
    JsonNode out = request(BY_STATUS, Map.of("status", "open"), Map.of("cursor", cursor), Map.of());
    assertEquals(Run.json(lastKey), out.get("ExclusiveStartKey"));
  }

  @Test
  void noLastEvaluatedKeyMeansNullCursor() {
    JsonNode answer =
        Run.json(Run.render(ORDERS.success(), VtlInput.body("{\"Items\":[],\"Count\":0}")).body());
    assertTrue(answer.get("nextCursor").isNull());
    assertEquals(0, answer.get("items").size());
  }

  /** A forged cursor cannot add or change fields; it only yields key values DynamoDB rejects. */
  @Test
  void forgedCursorsCannotInjectFields() {
    List<String> forged = new ArrayList<>();
    String key = "{\"customerId\":{\"S\":\"c1\"},\"createdAt\":{\"N\":\"1\"}}";
    forged.add(b64(key.substring(0, key.length() - 1) + ",\"TableName\":\"users\"}"));
    forged.add(b64(key + ",\"TableName\":\"users\",\"x\":{\"S\":\"y\"}"));
    forged.add(b64("{\"customerId\":{\"S\":\"c1\"}},\"Limit\":1000,\"FilterExpression\":\"a\""));
    forged.add(b64("{\"customerId\":{\"M\":{\"a\":{\"S\":\"b\"}}},\"createdAt\":{\"N\":\"1\"}}"));
    forged.add(b64("{\"customerId\":{\"S\":\"c1\"}"));
    forged.add(b64("not json at all"));
    forged.add(key);
    forged.add("!!!!");
    forged.add("abc");
    forged.add(
        b64(
            "{\"x\":{\"S\":\"1\"},\"x\":{\"S\":\"2\"},\"x\":{\"S\":\"3\"},\"x\":{\"S\":\"4\"},"
                + "\"x\":{\"S\":\"5\"}}"));
    forged.add("A".repeat(9000));
    Set<String> fields =
        Set.of(
            "TableName",
            "KeyConditionExpression",
            "ExpressionAttributeNames",
            "ExpressionAttributeValues",
            "Limit",
            "ExclusiveStartKey");
    for (String cursor : forged) {
      JsonNode out =
          request(ORDERS, Map.of("customerId", "c1"), Map.of("cursor", cursor), Map.of());
      Set<String> names = new java.util.HashSet<>();
      out.fieldNames().forEachRemaining(names::add);
      assertEquals(fields, names, cursor);
      assertEquals("orders", out.get("TableName").asText());
      assertEquals(20, out.get("Limit").asInt());
      JsonNode start = out.get("ExclusiveStartKey");
      Set<String> startNames = new java.util.HashSet<>();
      start.fieldNames().forEachRemaining(startNames::add);
      assertEquals(Set.of("customerId", "createdAt"), startNames, cursor);
      assertEquals("", start.get("createdAt").get("N").asText(), cursor);
    }
  }

  /** A well-formed cursor carrying hostile strings stays a string value. */
  @Test
  void cursorValuesAreEscapedLikeAnyRequestValue() {
    String hostile = "c1\"},\"Limit\":1000,\"x\":{\"S\":\"$util.base64Decode('eA==')";
    String lastKey =
        "{\"customerId\":{\"S\":"
            + Run.JSON.valueToTree(hostile)
            + "},\"createdAt\":{\"N\":\"5\"}}";
    JsonNode out =
        request(ORDERS, Map.of("customerId", "c1"), Map.of("cursor", b64(lastKey)), Map.of());
    assertEquals(hostile, out.get("ExclusiveStartKey").get("customerId").get("S").asText());
    assertEquals(20, out.get("Limit").asInt());
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode request(
      Templates templates,
      Map<String, String> path,
      Map<String, String> query,
      Map<String, String> header) {
    return Run.json(Run.request(templates.request(), path, new HashMap<>(query), header).body());
  }
}
