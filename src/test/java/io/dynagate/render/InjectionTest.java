package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Declared names that look like VTL or JSON reach DynamoDB and the client as plain names. */
class InjectionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$util.base64Decode('eA==')",
        "#set($context.responseOverride.status = 200)",
        "a\"b",
        "a'b",
        "back\\slash",
        "new\nline",
        "${sep0}",
        "\"},\"TableName\":\"other",
        "é中\uD83D\uDE00",
        "#if(true)x#end",
        "$!p.path",
        "\\u0024"
      })
  void namesStayNames(String name) {
    String hash = "h" + name;
    String range = "r" + name;
    String attr = "x" + name;
    TableSpec table =
        Fixtures.table(
            "weird",
            List.of(Fixtures.def(hash, AttributeType.S), Fixtures.def(range, AttributeType.N)),
            List.of(Fixtures.key(hash, KeyType.HASH), Fixtures.key(range, KeyType.RANGE)),
            null,
            Map.of(attr, new MapOf(Map.of(name, new Scalar("S"))), name, new Scalar("N")));
    RouteSpec get =
        new RouteSpec(
            "GET",
            "/w/{id}",
            "weird",
            Action.GetItem,
            Map.of(hash, "path.id", range, "query.r"),
            null,
            List.of(name, attr),
            true,
            null,
            null,
            null);
    RouteSpec query =
        new RouteSpec(
            "GET",
            "/w/{id}/q",
            "weird",
            Action.Query,
            Map.of(hash, "path.id"),
            null,
            List.of(name),
            null,
            new RouteSpec.SortKeyCondition(Condition.GE, "query.r", null),
            null,
            null);
    ApiDeclaration api =
        new ApiDeclaration(
            "weird",
            Fixtures.api(get).api(),
            List.of(
                new ApiDeclaration.NamedRoute("g", get), new ApiDeclaration.NamedRoute("q", query)),
            Map.of("weird", table),
            "us-east-1",
            "123456789012",
            "role");

    JsonNode request =
        Run.json(
            Run.request(
                    Templates.of(api, get).request(), Map.of("id", "1"), Map.of("r", "2"), Map.of())
                .body());
    assertEquals("1", request.get("Key").get(hash).get("S").asText());
    assertEquals("2", request.get("Key").get(range).get("N").asText());
    assertEquals(2, request.get("Key").size());
    assertEquals(name, request.get("ExpressionAttributeNames").get("#p0").asText());
    assertEquals(attr, request.get("ExpressionAttributeNames").get("#p1").asText());

    JsonNode queryRequest =
        Run.json(
            Run.request(
                    Templates.of(api, query).request(),
                    Map.of("id", "1"),
                    Map.of("r", "2", "cursor", cursorFor(hash, range)),
                    Map.of())
                .body());
    assertEquals(range, queryRequest.get("ExpressionAttributeNames").get("#k1").asText());
    assertEquals("k", queryRequest.get("ExclusiveStartKey").get(hash).get("S").asText());
    assertEquals("3", queryRequest.get("ExclusiveStartKey").get(range).get("N").asText());

    String item =
        "{\"Item\":{"
            + q(hash)
            + ":{\"S\":\"1\"},"
            + q(name)
            + ":{\"N\":\"5\"},"
            + q(attr)
            + ":{\"M\":{"
            + q(name)
            + ":{\"S\":\"v\"},\"other\":{\"S\":\"o\"}}}}}";
    JsonNode answer =
        Run.json(Run.render(Templates.of(api, get).success(), VtlInput.body(item)).body());
    assertEquals(
        Run.json(
            "{"
                + q(hash)
                + ":\"1\","
                + q(name)
                + ":5,"
                + q(attr)
                + ":{"
                + q(name)
                + ":\"v\",\"other\":\"o\"}}"),
        answer);
  }

  private static String q(String text) {
    return Run.JSON.valueToTree(text).toString();
  }

  private static String cursorFor(String hash, String range) {
    String json = "{" + q(hash) + ":{\"S\":\"k\"}," + q(range) + ":{\"N\":\"3\"}}";
    return java.util.Base64.getUrlEncoder()
        .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
