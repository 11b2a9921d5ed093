package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.emulator.vtl.CompiledTemplate;
import io.dynagate.emulator.vtl.VtlEngine;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random plain bodies (hostile strings and names, numbers at DynamoDB's edges, sets, nesting) pass
 * their route's model, and the request template makes exactly the intended item of each.
 */
class WritePropertyTest {

  private static final int BODIES = 700;
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private static final Pattern ASSIGNMENT = Pattern.compile("(#[a-z0-9]+) = (:[a-z0-9]+)");

  private final VtlEngine engine = new VtlEngine();

  private static Schema model(RouteSpec route) {
    // as the emulator resolves references between an API's models
    Map<String, Object> document =
        new java.util.TreeMap<>(BodyModel.of(route, Fixtures.users(), "Body"));
    document.put("definitions", BodyModel.anyValueModels());
    String text =
        Run.JSON
            .valueToTree(document)
            .toString()
            .replace("#/components/schemas/", "#/definitions/");
    return SCHEMAS.getSchema(Run.json(text));
  }

  private static String key(Random random, RandomItems strings) {
    String key = strings.string();
    return key.isEmpty() ? "k" + random.nextInt(10) : key;
  }

  @Test
  void putItemStoresExactlyTheIntendedItem() {
    RouteSpec route =
        RouteSpec.write(
            "PUT",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            Mode.upsert,
            null,
            true,
            null,
            null);
    Schema model = model(route);
    CompiledTemplate template = engine.compile(Templates.of(route).request());
    PlainBodies bodies = new PlainBodies(20);
    RandomItems strings = new RandomItems(21);
    Random random = new Random(22);
    for (int i = 0; i < BODIES; i++) {
      PlainBodies.Body body = bodies.body(Fixtures.USER_SCHEMA, true);
      String text = body.plain().toString();
      assertTrue(
          model.validate(body.plain()).isEmpty(),
          () -> "refused: " + text + " " + model.validate(body.plain()));
      String key = key(random, strings);
      String out =
          Run.render(template, new VtlInput(text, Map.of("userId", key), Map.of(), Map.of()));
      ObjectNode expected = body.typed().deepCopy();
      expected.set("userId", JsonNodeFactory.instance.objectNode().put("S", key));
      JsonNode request = Run.json(out);
      assertEquals(
          PlainBodies.normalised(expected),
          PlainBodies.normalised(request.get("Item")),
          () -> "body " + text + "\nrequest " + out);
      assertEquals(3, request.size(), out);
    }
  }

  @Test
  void updateItemSetsExactlyTheIntendedAttributes() {
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
            null,
            null);
    Schema model = model(route);
    CompiledTemplate template = engine.compile(Templates.of(route).request());
    PlainBodies bodies = new PlainBodies(30);
    for (int i = 0; i < BODIES; i++) {
      PlainBodies.Body body = bodies.body(Fixtures.USER_SCHEMA, true);
      String text = body.plain().toString();
      assertTrue(model.validate(body.plain()).isEmpty(), () -> "refused: " + text);
      String out =
          Run.render(template, new VtlInput(text, Map.of("userId", "u"), Map.of(), Map.of()));
      JsonNode request = Run.json(out);
      ObjectNode applied = JsonNodeFactory.instance.objectNode();
      Matcher m = ASSIGNMENT.matcher(request.get("UpdateExpression").asText());
      while (m.find()) {
        String name = request.at("/ExpressionAttributeNames/" + m.group(1)).asText();
        applied.set(name, request.get("ExpressionAttributeValues").get(m.group(2)));
      }
      assertEquals(
          PlainBodies.normalised(body.typed()),
          PlainBodies.normalised(applied),
          () -> "body " + text + "\nrequest " + out);
      assertEquals(
          body.typed().size() + 1,
          request.get("ExpressionAttributeNames").size(),
          "every name used, no other: " + out);
    }
  }

  @Test
  void contentNestedDeeperThanTheTemplateWritesIsRefusedByTheModel() {
    RouteSpec route =
        RouteSpec.write(
            "PUT",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            null,
            null,
            true,
            null,
            null);
    Schema model = model(route);
    JsonNode deep = Run.json("1");
    for (int i = 0; i < WriteVtl.GENERIC_DEPTH; i++) {
      deep = Run.JSON.createArrayNode().add(deep);
    }
    ObjectNode body = Run.JSON.createObjectNode();
    body.set("extra", Run.JSON.createObjectNode().set("a", deep));
    assertFalse(model.validate(body).isEmpty(), "one level too deep");
    body.set("extra", deep);
    assertTrue(model.validate(body).isEmpty(), "as deep as written");
    ObjectNode undeclared = Run.JSON.createObjectNode();
    undeclared.set("free", Run.JSON.createArrayNode().add(deep));
    assertFalse(model.validate(undeclared).isEmpty(), "undeclared, one level too deep");
  }

  @Test
  void theModelRefusesWrongTypesSetsAndUndeclaredNames() {
    RouteSpec route =
        RouteSpec.write(
            "POST",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            null,
            null,
            null,
            null,
            true);
    Schema model = model(route);
    for (String bad :
        new String[] {
          "{\"age\": \"42\"}",
          "{\"age\": null}",
          "{\"active\": \"true\"}",
          "{\"tags\": []}",
          "{\"tags\": [\"a\", \"a\"]}",
          "{\"scores\": [\"1\"]}",
          "{\"avatar\": \"not base64!\"}",
          "{\"admin\": true}",
          "{\"createdAt\": 1}",
          "{\"profile\": {\"name\": 1}}",
          "{\"profile\": {\"other\": 1}}",
          "{\"userId\": \"\"}",
          "{\"userId\": 5}"
        }) {
      assertFalse(model.validate(Run.json(bad)).isEmpty(), bad);
    }
    assertTrue(model.validate(Run.json("{\"age\": 1e120, \"userId\": \"u\"}")).isEmpty());
  }
}
