package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DynamoDB condition keys read from request bodies, and the set qualifiers that test them. */
class DynamoConditionKeysTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anUpdateNamesItsKeyAndEveryTopLevelAttributeItTouches() throws Exception {
    JsonNode body =
        JSON.readTree(
            """
            {"TableName":"t","Key":{"pk":{"S":"a"}},
             "UpdateExpression":"SET #n = :v, price = if_not_exists(price, :zero) REMOVE a.b[1].c, #s ADD cnt :one",
             "ExpressionAttributeNames":{"#n":"name","#s":"size"},
             "ExpressionAttributeValues":{":v":{"S":"x"},":zero":{"N":"0"},":one":{"N":"1"}}}""");
    assertEquals(
        List.of("pk", "name", "price", "a", "size", "cnt"), DynamoConditionKeys.attributes(body));
    assertEquals(List.of("a"), DynamoConditionKeys.leadingKeys(body, "pk"));
    JsonNode put = JSON.readTree("{\"Item\":{\"pk\":{\"N\":\"7\"},\"secret\":{\"S\":\"s\"}}}");
    assertEquals(List.of("pk", "secret"), DynamoConditionKeys.attributes(put));
    assertEquals(List.of("7"), DynamoConditionKeys.leadingKeys(put, "pk"));
  }

  @Test
  void forAllValuesHoldsForAnEmptySetAndForAnyValueDoesNot() throws Exception {
    Policy allOf = policy("ForAllValues:StringEquals", "[\"a\",\"b\"]");
    Policy anyOf = policy("ForAnyValue:StringEquals", "[\"secret\"]");
    assertEquals(Policy.Decision.ALLOW, decide(allOf, List.of("a", "b")));
    assertEquals(Policy.Decision.IMPLICIT_DENY, decide(allOf, List.of("a", "secret")));
    assertEquals(Policy.Decision.ALLOW, decide(allOf, List.of()));
    assertEquals(Policy.Decision.ALLOW, decide(anyOf, List.of("a", "secret")));
    assertEquals(Policy.Decision.IMPLICIT_DENY, decide(anyOf, List.of("a")));
    assertEquals(Policy.Decision.IMPLICIT_DENY, decide(anyOf, List.of()));
    Policy notAny = policy("ForAllValues:StringNotLike", "[\"sec*\"]");
    assertEquals(Policy.Decision.ALLOW, decide(notAny, List.of("a", "b")));
    assertEquals(Policy.Decision.IMPLICIT_DENY, decide(notAny, List.of("a", "secret")));
  }

  private static Policy.Decision decide(Policy policy, List<String> attributes) {
    return Policy.evaluate(
        List.of(policy),
        new Policy.Request(
            "dynamodb:GetItem",
            "arn:aws:dynamodb:us-east-1:000000000000:table/t",
            null,
            Map.of(),
            attributes.isEmpty() ? Map.of() : Map.of("dynamodb:attributes", attributes)));
  }

  private static Policy policy(String operator, String values) throws Exception {
    return Policy.parse(
        JSON.readTree(
            """
            {"Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*",
              "Condition":{"%s":{"dynamodb:Attributes":%s}}}]}"""
                .formatted(operator, values)));
  }
}
