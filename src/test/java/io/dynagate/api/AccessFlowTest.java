package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * An access block declared through the management API goes live: the reconciled route requires a
 * key, refuses callers without one as API Gateway does, serves a consumer's key; invalid blocks are
 * refused field by field, nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class AccessFlowTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Inject ApiGatewayClient apiGateway;

  @Test
  void aKeyedApiRefusesCallersWithoutAKeyAndServesAConsumers() throws Exception {
    given()
        .body(Seed.usersTableNamed("acc_users"))
        .put("/api/v1/tables/acc_users")
        .then()
        .statusCode(201);
    given()
        .body("{\"stage\":\"dev\",\"access\":{\"authorization\":\"API_KEY\"}}")
        .put("/api/v1/apis/guarded")
        .then()
        .statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"acc_users\"}")
        .put("/api/v1/apis/guarded/routes/get-user")
        .then()
        .statusCode(201);
    // a write route puts body models beside the security schemes: the key must still be required
    given()
        .body(
            "{\"method\":\"PUT\",\"path\":\"/users/{userId}\",\"table\":\"acc_users\","
                + "\"action\":\"PutItem\",\"mode\":\"upsert\",\"allowUndeclared\":true}")
        .put("/api/v1/apis/guarded/routes/put-user")
        .then()
        .statusCode(201);
    String invokeUrl =
        given()
            .post("/api/v1/apis/guarded/reconcile?wait=true")
            .then()
            .statusCode(200)
            .body("status.phase", equalTo("Ready"))
            .body("status.publicRoutes", org.hamcrest.Matchers.empty())
            .extract()
            .path("status.invokeUrl");
    String apiId = given().get("/api/v1/apis/guarded").then().extract().path("status.restApiId");

    HttpResponse<String> anonymous = get(invokeUrl + "/users/u1", null);
    assertEquals(403, anonymous.statusCode());
    assertEquals("{\"message\":\"Forbidden\"}", anonymous.body());
    HttpResponse<String> anonymousWrite = put(invokeUrl + "/users/u1", "{\"name\":\"Eve\"}", null);
    assertEquals(403, anonymousWrite.statusCode(), anonymousWrite.body());
    assertEquals("{\"message\":\"Forbidden\"}", anonymousWrite.body());

    String planId =
        apiGateway
            .createUsagePlan(b -> b.name("team-b").apiStages(s -> s.apiId(apiId).stage("dev")))
            .id();
    var key = apiGateway.createApiKey(b -> b.name("team-b").enabled(true));
    apiGateway.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    HttpResponse<String> consumer = get(invokeUrl + "/users/u1", key.value());
    // Past the gate: the table has no such item, so the route's own 404.
    assertEquals(404, consumer.statusCode(), consumer.body());
    HttpResponse<String> consumerWrite =
        put(invokeUrl + "/users/u1", "{\"name\":\"Ada\"}", key.value());
    assertEquals(201, consumerWrite.statusCode(), consumerWrite.body());
    assertEquals(200, get(invokeUrl + "/users/u1", key.value()).statusCode());
  }

  @Test
  void invalidAccessIsRefusedFieldByFieldAndNothingStored() {
    given()
        .body("{\"endpointType\":\"PRIVATE\"}")
        .put("/api/v1/apis/private-bare")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("vpcEndpointIds", "access.resourcePolicy"));
    given()
        .body(
            "{\"access\":{\"authorization\":\"AWS_IAM\",\"resourcePolicy\":{\"principals\":"
                + "[\"*\"],\"sourceIps\":[\"10.0.0.0/8\\\"}\"]}}}")
        .put("/api/v1/apis/bad-policy")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            hasItems("access.resourcePolicy.principals[0]", "access.resourcePolicy.sourceIps[0]"));
    given().get("/api/v1/apis/private-bare").then().statusCode(404);
    given().get("/api/v1/apis/bad-policy").then().statusCode(404);
  }

  private static HttpResponse<String> put(String url, String body, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("x-api-key", key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (key != null) {
      request.header("x-api-key", key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
