package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service's own least privilege: admins read it, teams do not. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class SystemIamPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROLES = "arn:aws:iam::000000000000:role/dynagate/dynagate-*";

  @Test
  void adminsReadThePolicyOfThisConfiguration() {
    given()
        .get("/api/v1/system/iam-policy")
        .then()
        .statusCode(200)
        .body("Version", equalTo("2012-10-17"))
        .body(
            "Statement.find { it.Sid == 'RegistryTable' }.Resource",
            contains("arn:aws:dynamodb:us-east-1:000000000000:table/dynagate-registry"))
        .body(
            "Statement.find { it.Sid == 'DeclaredTablesAnyNameNoPatternSet' }.Resource",
            contains("arn:aws:dynamodb:us-east-1:000000000000:table/*"))
        .body(
            "Statement.find { it.Sid == 'PassRolesToApiGatewayOnly' }.Action",
            contains("iam:PassRole"))
        .body("Statement.find { it.Sid == 'PassRolesToApiGatewayOnly' }.Resource", contains(ROLES))
        .body(
            "Statement.find { it.Sid == 'PassRolesToApiGatewayOnly' }.Condition.StringEquals."
                + "'iam:PassedToService'",
            equalTo("apigateway.amazonaws.com"))
        .body(
            "Statement.find { it.Sid == 'CreateRoles' }.Condition.StringEquals."
                + "'iam:PermissionsBoundary'",
            equalTo("arn:aws:iam::000000000000:policy/dynagate-boundary"))
        .body(
            "Statement.find { it.Sid == 'RestApis' }.Resource",
            hasItem("arn:aws:apigateway:us-east-1::/restapis/*"))
        .body("Statement.Resource.flatten()", not(hasItem("arn:aws:iam::000000000000:role/*")));
  }

  @Test
  void teamsAndStrangersMayNot() {
    Teams.create("policy-readers");
    Teams.Issued token = Teams.issue("policy-readers");
    given()
        .header("Authorization", token.bearer())
        .get("/api/v1/system/iam-policy")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer nobody-0123456789abcdef")
        .get("/api/v1/system/iam-policy")
        .then()
        .statusCode(401);
  }

  @Test
  void aNamePatternNarrowsTablesAndNoBoundaryDropsTheCondition() {
    JsonNode policy =
        JSON.valueToTree(
            new OwnIamPolicy(
                    "aws-cn",
                    "cn-north-1",
                    "123456789012",
                    "reg",
                    Optional.of("{team}-*"),
                    "/dynagate/",
                    "dg",
                    Optional.empty())
                .document());
    JsonNode tables = find(policy, "DeclaredTables");
    assertEquals(
        "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/*-*",
        tables.path("Resource").get(0).asText());
    assertTrue(find(policy, "CreateRoles").path("Condition").isMissingNode());
    for (JsonNode statement : policy.path("Statement")) {
      for (JsonNode action : statement.path("Action")) {
        assertFalse(action.asText().endsWith("*"), "no wildcard action: " + action);
      }
      if (statement.path("Action").toString().contains("iam:")) {
        assertEquals(
            "arn:aws-cn:iam::123456789012:role/dynagate/dg-*",
            statement.path("Resource").get(0).asText());
      }
    }
  }

  private static JsonNode find(JsonNode policy, String sid) {
    for (JsonNode statement : policy.path("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }
}
