package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Write request templates rendered on the emulator's VTL engine: the DynamoDB request they make.
 */
class WriteTemplateTest {

  static RouteSpec put(Mode mode, boolean undeclared, boolean timestamps) {
    return RouteSpec.write(
        "PUT",
        "/users/{userId}",
        "users",
        Action.PutItem,
        Map.of(),
        mode,
        null,
        undeclared,
        null,
        timestamps);
  }

  static JsonNode request(RouteSpec route, String body, Map<String, String> headers) {
    String template = Templates.of(route).request();
    String out =
        Run.render(template, new VtlInput(body, Map.of("userId", "u1"), Map.of(), headers)).body();
    return Run.json(out);
  }

  @Test
  void putItemTypesDeclaredAttributesAndKeepsTheKeyFromThePath() {
    JsonNode request =
        request(
            put(Mode.create, false, false),
            """
            {"age": 42, "active": true, "tags": ["a", "b\\"c"], "scores": [1, 2.5],
             "profile": {"name": "Ada", "langs": ["en"]}, "extra": {"x": [1, {"y": null}]},
             "history": [{"at": 1, "what": "it's"}], "avatar": "AAEC"}
            """,
            Map.of());
    JsonNode item = request.get("Item");
    assertEquals("u1", item.at("/userId/S").asText());
    assertEquals("42", item.at("/age/N").asText());
    assertTrue(item.at("/active/BOOL").asBoolean());
    assertEquals("b\"c", item.at("/tags/SS/1").asText());
    assertEquals("2.5", item.at("/scores/NS/1").asText());
    assertEquals("Ada", item.at("/profile/M/name/S").asText());
    assertEquals("en", item.at("/profile/M/langs/L/0/S").asText());
    assertEquals("1", item.at("/extra/M/x/L/0/N").asText());
    assertTrue(item.at("/extra/M/x/L/1/M/y/NULL").asBoolean());
    assertEquals("it's", item.at("/history/L/0/M/what/S").asText());
    assertEquals("AAEC", item.at("/avatar/B").asText());
    assertEquals("attribute_not_exists(#k0)", request.get("ConditionExpression").asText());
  }

  @Test
  void aValueBuiltToBreakOutStaysOneString() {
    String hostile = "\"}, \"admin\": {\"BOOL\": true}, \"x\": {\"S\": \"";
    JsonNode request =
        request(
            put(Mode.upsert, true, true),
            "{\"note\": " + Run.JSON.valueToTree(hostile) + ", \"$x#\": \"${'$'}#set($a=1)\"}",
            Map.of());
    JsonNode item = request.get("Item");
    assertEquals(hostile, item.at("/note/S").asText());
    assertFalse(item.has("admin"));
    assertEquals("${'$'}#set($a=1)", item.get("$x#").get("S").asText());
    assertTrue(item.has("createdAt"));
  }

  @Test
  void updateItemSetsRemovesAndChecksTheVersion() {
    RouteSpec route =
        RouteSpec.write(
            "PATCH",
            "/users/{userId}",
            "users",
            Action.UpdateItem,
            Map.of(),
            null,
            "age",
            null,
            true,
            true);
    JsonNode request =
        request(route, "{\"active\": false, \"tags\": null}", Map.of("If-Match", "\"3\""));
    assertEquals("3", request.at("/ExpressionAttributeValues/:vexp/N").asText());
    assertEquals(
        "SET #a0 = :a0, #ua = :now, #ca = if_not_exists(#ca, :now), #ver = #ver + :one"
            + " REMOVE #a1",
        request.get("UpdateExpression").asText());
    // placeholders are numbered in the body's order
    assertEquals("active", request.at("/ExpressionAttributeNames/#a0").asText());
    assertEquals("tags", request.at("/ExpressionAttributeNames/#a1").asText());
    assertFalse(request.at("/ExpressionAttributeValues").has(":a1"));
  }

  @Test
  void withoutRemovalANullIsSetAsNullAndTheExpressionHasNoRemoveClause() {
    RouteSpec route =
        RouteSpec.write(
            "PATCH",
            "/users/{userId}",
            "users",
            Action.UpdateItem,
            Map.of(),
            null,
            null,
            true,
            false,
            false);
    String template = Templates.of(route).request();
    assertFalse(template.contains("REMOVE"), template);
    JsonNode request = request(route, "{\"nickname\": null, \"age\": 7}", Map.of());
    assertEquals("SET #a0 = :a0, #a1 = :a1", request.get("UpdateExpression").asText());
    assertEquals("nickname", request.at("/ExpressionAttributeNames/#a0").asText());
    assertTrue(request.at("/ExpressionAttributeValues/:a0/NULL").asBoolean());
    assertEquals("7", request.at("/ExpressionAttributeValues/:a1/N").asText());
  }

  @Test
  void deleteItemIsConditionalOnlyWhenTheCallerSendsAVersion() {
    RouteSpec route =
        RouteSpec.write(
            "DELETE",
            "/users/{userId}",
            "users",
            Action.DeleteItem,
            Map.of(),
            null,
            "age",
            null,
            null,
            null);
    JsonNode plain = request(route, null, Map.of());
    assertFalse(plain.has("ConditionExpression"));
    assertEquals("ALL_OLD", plain.get("ReturnValues").asText());
    JsonNode versioned = request(route, null, Map.of("if-match", "W/\"7\""));
    assertEquals("#ver = :vexp", versioned.get("ConditionExpression").asText());
    assertEquals("7", versioned.at("/ExpressionAttributeValues/:vexp/N").asText());
  }

  @Test
  void aBodyKeyThatDisagreesEmptiesTheKeySoDynamoDbRefusesIt() {
    JsonNode request = request(put(Mode.create, false, false), "{\"userId\": \"u2\"}", Map.of());
    assertEquals("", request.at("/Item/userId/S").asText());
    JsonNode agreeing = request(put(Mode.create, false, false), "{\"userId\": \"u1\"}", Map.of());
    assertEquals("u1", agreeing.at("/Item/userId/S").asText());
  }

  @Test
  void aBodyLongerThanTheWalkGetsAMemberDynamoDbRefuses() {
    String body = "{\"a\": [1, 2, 3], \"b\": true}";
    for (int steps : new int[] {2, 3}) {
      String template =
          "#set($body = $input.path('$')){\"k\": {\"S\": \"x\"}"
              + TypedVtl.members("$body", "{}", true, 1, steps)
              + "}";
      JsonNode item =
          Run.json(Run.render(template, new VtlInput(body, Map.of(), Map.of(), Map.of())).body());
      assertEquals(3, item.at("/a/L").size(), item.toString());
      if (steps == 2) {
        // four steps write "a" whole, then the walk stops: {"NULL": false} is refused by DynamoDB
        assertEquals(Run.json("{\"NULL\": false}"), item.get(""));
        assertFalse(item.has("b"));
      } else {
        assertEquals(Run.json("{\"BOOL\": true}"), item.get("b"));
        assertFalse(item.has(""));
      }
    }
  }

  @Test
  void writeErrorsAreMappedByConditionAndSize() {
    String conflict =
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\"}";
    String tooLarge =
        "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
            + "\"message\":\"Item size has exceeded the maximum allowed size\"}";
    String create = Templates.of(put(Mode.create, false, false)).clientError();
    assertEquals(409, status(create, conflict, Map.of()));
    assertEquals(413, status(create, tooLarge, Map.of()));
    RouteSpec versioned =
        RouteSpec.write(
            "DELETE",
            "/users/{userId}",
            "users",
            Action.DeleteItem,
            Map.of(),
            null,
            "age",
            null,
            null,
            null);
    String delete = Templates.of(versioned).clientError();
    assertEquals(412, status(delete, conflict, Map.of("If-Match", "\"3\"")));
    assertEquals(409, status(delete, conflict, Map.of()));
  }

  private static int status(String template, String dynamo, Map<String, String> headers) {
    var out = Run.render(template, new VtlInput(dynamo, Map.of("userId", "u1"), Map.of(), headers));
    Run.json(out.body());
    return out.statusOverride().orElse(400);
  }
}
