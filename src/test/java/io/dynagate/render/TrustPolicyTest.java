package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The role's trust: this account's API Gateway, and this REST API once its id is known. */
class TrustPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSourceArnIsPinnedOnceTheRestApiIdIsKnown() throws Exception {
    ApiDeclaration before = Fixtures.api(Fixtures.getItem("/users/{userId}", "users", Map.of()));
    ApiDeclaration after =
        new ApiDeclaration(
            before.apiName(),
            before.api(),
            before.routes(),
            before.tables(),
            "cn-north-1",
            before.accountId(),
            before.roleName(),
            before.rolePath(),
            "a1b2c3d4e5");
    JsonNode unpinned = condition(before);
    assertEquals("123456789012", unpinned.path("StringEquals").path("aws:SourceAccount").asText());
    assertTrue(unpinned.path("ArnLike").isMissingNode());
    JsonNode pinned = condition(after);
    assertEquals(
        "arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/*",
        pinned.path("ArnLike").path("aws:SourceArn").asText());
    assertEquals("123456789012", pinned.path("StringEquals").path("aws:SourceAccount").asText());
  }

  private static JsonNode condition(ApiDeclaration api) throws Exception {
    return JSON.readTree(ApiRenderer.render(api).trustPolicy())
        .path("Statement")
        .get(0)
        .path("Condition");
  }
}
