package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.emulator.vtl.CompiledTemplate;
import io.dynagate.emulator.vtl.VtlEngine;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random key values from path, query and header reach DynamoDB exactly, as valid JSON. */
class RequestPropertyTest {

  private static final VtlEngine ENGINE = new VtlEngine();
  private static final List<String> PIECES =
      List.of(
          "a",
          "7",
          "'",
          "\"",
          "\\",
          "/",
          "#",
          "%",
          "%20",
          "+",
          "$",
          "$x",
          "#set",
          "{",
          "}",
          "é",
          "中",
          "\uD83D\uDE00",
          "\n",
          "\u0001",
          " ",
          ":",
          "&",
          "=",
          "?");

  @Test
  void getItemCarriesExactlyTheKeyItWasGiven() {
    TableSpec table =
        Fixtures.table(
            "things",
            List.of(Fixtures.def("tenant", AttributeType.S), Fixtures.def("seq", AttributeType.N)),
            List.of(Fixtures.key("tenant", KeyType.HASH), Fixtures.key("seq", KeyType.RANGE)),
            null,
            null);
    RouteSpec route =
        Fixtures.getItem(
            "/things", "things", Map.of("tenant", "header.X-Tenant", "seq", "query.seq"));
    ApiDeclaration api =
        new ApiDeclaration(
            "a",
            Fixtures.api(route).api(),
            List.of(new ApiDeclaration.NamedRoute("r", route)),
            Map.of("things", table),
            "us-east-1",
            "123456789012",
            "role");
    CompiledTemplate template = ENGINE.compile(Templates.of(api, route).request());
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      String tenant = value(random);
      String seq = random.nextBoolean() ? Long.toString(random.nextLong()) : value(random);
      VtlInput input = new VtlInput(null, Map.of(), Map.of("seq", seq), Map.of("X-Tenant", tenant));
      JsonNode out = Run.json(Run.render(template, input));
      ObjectNode key = JsonNodeFactory.instance.objectNode();
      key.putObject("tenant").put("S", tenant);
      key.putObject("seq").put("N", seq);
      assertEquals(key, out.get("Key"), "tenant=" + tenant + " seq=" + seq);
      assertEquals("things", out.get("TableName").asText());
    }
  }

  @Test
  void queryCarriesExactlyThePartitionAndSortValues() {
    RouteSpec route =
        Fixtures.query(
            "/events/{tenant}",
            "events",
            null,
            Fixtures.sort(RouteSpec.SortKeyCondition.Condition.BETWEEN, "query.from", "query.to"));
    CompiledTemplate template = ENGINE.compile(Templates.of(route).request());
    Random random = new Random(4242);
    for (int i = 0; i < 300; i++) {
      String tenant = value(random);
      String from = value(random);
      String to = value(random);
      VtlInput input =
          new VtlInput(null, Map.of("tenant", tenant), Map.of("from", from, "to", to), Map.of());
      JsonNode values = Run.json(Run.render(template, input)).get("ExpressionAttributeValues");
      assertEquals(tenant, values.get(":k0").get("S").asText());
      assertEquals(from, values.get(":s0").get("S").asText());
      assertEquals(to, values.get(":s1").get("S").asText());
    }
  }

  private static String value(Random random) {
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(10);
    for (int i = 0; i < length; i++) {
      out.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return out.toString();
  }
}
