package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resource policy the renderer writes for source VPC endpoints, judged by the emulator's
 * evaluation: a caller through a named endpoint is allowed, through another or through none (the
 * key is then absent, and a negated operator holds) explicitly denied, as IAM documents.
 */
class SourceVpcePolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_ARN = "arn:aws:execute-api:eu-west-1:123456789012:abc1234567";
  private static final String METHOD = API_ARN + "/dev/GET/users/u1";

  @Test
  void onlyCallersThroughADeclaredVpcEndpointMayInvoke() throws Exception {
    ResourcePolicy policy = ResourcePolicy.parse(rendered(), API_ARN);
    ResourcePolicy.Principal anyone = ResourcePolicy.Principal.ANONYMOUS;
    assertEquals(
        Policy.Decision.ALLOW,
        policy.decide(
            anyone,
            METHOD,
            Map.of("aws:sourceip", "10.0.0.1", "aws:sourcevpce", "vpce-0a1b2c3d4e5f60789")));
    assertEquals(
        Policy.Decision.EXPLICIT_DENY,
        policy.decide(
            anyone,
            METHOD,
            Map.of("aws:sourceip", "10.0.0.1", "aws:sourcevpce", "vpce-0123456789abcdef0")));
    assertEquals(
        Policy.Decision.EXPLICIT_DENY,
        policy.decide(anyone, METHOD, Map.of("aws:sourceip", "10.0.0.1")));
  }

  @Test
  void aNegatedOperatorHoldsForAnAbsentKeyAndAPositiveOneDoesNot() {
    Map<String, String> none = Map.of();
    assertEquals(
        true, Policy.Condition.of("StringNotEquals", "aws:SourceVpce", List.of("v")).holds(none));
    assertEquals(
        true, Policy.Condition.of("ArnNotLike", "aws:SourceArn", List.of("arn:*")).holds(none));
    assertEquals(
        false, Policy.Condition.of("StringEquals", "aws:SourceVpce", List.of("v")).holds(none));
    assertEquals(
        false,
        Policy.Condition.of("StringNotEquals", "aws:SourceVpce", List.of("v"))
            .holds(Map.of("aws:sourcevpce", "v")));
  }

  private static JsonNode rendered() throws Exception {
    TableSpec table =
        new TableSpec(
            "users",
            List.of(new TableSpec.AttributeDefinition("userId", AttributeType.S)),
            List.of(new TableSpec.KeySchemaElement("userId", KeyType.HASH)),
            "PAY_PER_REQUEST",
            null,
            null,
            null,
            null);
    AccessSpec access =
        new AccessSpec(
            null,
            new AccessSpec.ResourcePolicy(null, null, List.of("vpce-0a1b2c3d4e5f60789")),
            null);
    ApiDeclaration api =
        new ApiDeclaration(
            "inside",
            new ApiSpec(
                null,
                null,
                ApiSpec.EndpointType.PRIVATE,
                null,
                null,
                null,
                access,
                List.of("vpce-0a1b2c3d4e5f60789")),
            List.of(
                new ApiDeclaration.NamedRoute(
                    "get-user",
                    new RouteSpec(
                        "GET",
                        "/users/{userId}",
                        "users",
                        RouteSpec.Action.GetItem,
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))),
            Map.of("users", table),
            "eu-west-1",
            "123456789012",
            "dynagate-inside");
    return JSON.readTree(ApiRenderer.render(api).openApi()).path("x-amazon-apigateway-policy");
  }
}
