package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Confused deputy: once the REST API exists its role trusts API Gateway acting for that API only,
 * so another REST API of the account (or of a team that copies the definition) cannot use it.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class SourceArnTrustTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject IamClient iam;
  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;

  @Test
  void theLiveRoleTrustsItsOwnRestApiOnlyFromTheFirstPass() throws Exception {
    given().body(Seed.usersTableNamed("deputy-users")).put("/api/v1/tables/deputy-users");
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/deputy").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"deputy-users\"}")
        .put("/api/v1/apis/deputy/routes/get-user")
        .then()
        .statusCode(201);
    var status =
        given()
            .post("/api/v1/apis/deputy/reconcile?wait=true")
            .then()
            .statusCode(200)
            .body("status.phase", equalTo("Ready"))
            .extract()
            .jsonPath();
    String restApiId = status.getString("status.restApiId");
    String invokeUrl = status.getString("status.invokeUrl");
    String roleArn = status.getString("status.roleArn");
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);

    JsonNode trust =
        JSON.readTree(
            URLDecoder.decode(
                iam.getRole(b -> b.roleName(roleName)).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8));
    JsonNode condition = trust.path("Statement").get(0).path("Condition");
    assertEquals(
        "arn:aws:execute-api:us-east-1:000000000000:" + restApiId + "/*",
        condition.path("ArnLike").path("aws:SourceArn").asText());
    assertEquals("000000000000", condition.path("StringEquals").path("aws:SourceAccount").asText());
    // The definition shows what is live.
    given()
        .get("/api/v1/apis/deputy/definition")
        .then()
        .body(
            "trustPolicy.Statement[0].Condition.ArnLike.'aws:SourceArn'",
            equalTo("arn:aws:execute-api:us-east-1:000000000000:" + restApiId + "/*"));
    // The pinned role still serves its own API: absent item, 404 (not the 500 of a refused role).
    given().baseUri(invokeUrl).get("/users/nobody").then().statusCode(404);
    // A second pass changes nothing.
    given()
        .get("/api/v1/apis/deputy/plan")
        .then()
        .statusCode(200)
        .body("changes.size()", equalTo(0));

    // Another REST API using the same role (its definition copied) is refused by the trust.
    String openApi = given().get("/api/v1/apis/deputy/definition").then().extract().asString();
    String copied = JSON.readTree(openApi).path("openApi").toString();
    String otherId = apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(copied))).id();
    assertFalse(otherId.equals(restApiId));
    apiGateway.createDeployment(b -> b.restApiId(otherId).stageName("dev"));
    given()
        .baseUri(engine.emulatorEndpoint().toString())
        .get("/restapis/" + otherId + "/dev/_user_request_/users/nobody")
        .then()
        .statusCode(500);
  }
}
