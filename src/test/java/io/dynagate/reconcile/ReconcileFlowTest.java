package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Declarations in, live routes out, through HTTP as a user does it; AWS checked through the
 * emulator.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ReconcileFlowTest {

  @Inject EmbeddedEngine engine;
  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;

  private DynamoDbClient dynamoThroughEmulator() {
    return DynamoDbClient.builder()
        .endpointOverride(engine.emulatorEndpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(
            software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(
            software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
        .build();
  }

  private static String reconcile(String api) {
    return given()
        .post("/api/v1/apis/" + api + "/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Ready"))
        .body("status.invokeUrl", notNullValue())
        .extract()
        .path("status.invokeUrl");
  }

  @Test
  void theSeedExampleGoesLiveAnswersPlainJsonAnd404() {
    // another test class may have declared it already in this shared application
    given()
        .body(Seed.usersTable())
        .put("/api/v1/tables/users")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/seed").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"users\"}")
        .put("/api/v1/apis/seed/routes/get-user")
        .then()
        .statusCode(201);
    String invokeUrl = reconcile("seed");

    try (DynamoDbClient dynamo = dynamoThroughEmulator()) {
      dynamo.putItem(
          b ->
              b.tableName("users")
                  .item(
                      Map.of(
                          "userId", AttributeValue.fromS("user123"),
                          "name", AttributeValue.fromS("Ada \"the\" O'Brien"),
                          "age", AttributeValue.fromN("36"))));
    }
    given()
        .baseUri(invokeUrl)
        .get("/users/user123")
        .then()
        .statusCode(200)
        .body("userId", equalTo("user123"))
        .body("name", equalTo("Ada \"the\" O'Brien"))
        .body("age", equalTo(36));
    given()
        .baseUri(invokeUrl)
        .get("/users/nobody")
        .then()
        .statusCode(404)
        .body("message", notNullValue());
    given().get("/api/v1/apis/seed/routes/get-user").then().body("status.phase", equalTo("Ready"));
    given()
        .get("/api/v1/tables/users")
        .then()
        .body("status.phase", equalTo("Ready"))
        .body("status.tableArn", equalTo("arn:aws:dynamodb:us-east-1:000000000000:table/users"));

    // a projection goes live at the next pass
    given()
        .body(
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"users\",\"projection\":[\"userId\",\"age\"]}")
        .put("/api/v1/apis/seed/routes/get-user")
        .then()
        .statusCode(200);
    reconcile("seed");
    given()
        .baseUri(invokeUrl)
        .get("/users/user123")
        .then()
        .statusCode(200)
        .body("age", equalTo(36))
        .body("name", org.hamcrest.Matchers.nullValue());

    // the role: under /dynagate/, tagged as this API's, fenced by the configured boundary
    String roleName = given().get("/api/v1/apis/seed/definition").then().extract().path("roleName");
    var role = iam.getRole(b -> b.roleName(roleName)).role();
    assertEquals("/dynagate/", role.path());
    assertEquals(
        "arn:aws:iam::000000000000:policy/dynagate-boundary",
        role.permissionsBoundary().permissionsBoundaryArn());
    assertTrue(
        iam.listRoleTags(b -> b.roleName(roleName)).tags().stream()
            .anyMatch(t -> t.key().equals(Desired.API_TAG) && t.value().equals("seed")));

    // an unchanged pass plans nothing and makes no call that mutates
    given().get("/api/v1/apis/seed/plan").then().statusCode(200).body("changes", hasSize(0));
  }

  @Test
  void aQueryRouteAnswersPagesWithACursor() {
    given()
        .body(
            """
        {"TableName":"orders","BillingMode":"PAY_PER_REQUEST",
         "AttributeDefinitions":[{"AttributeName":"customerId","AttributeType":"S"},{"AttributeName":"orderId","AttributeType":"S"}],
         "KeySchema":[{"AttributeName":"customerId","KeyType":"HASH"},{"AttributeName":"orderId","KeyType":"RANGE"}],
         "AttributeSchema":{"total":"N"}}
        """)
        .put("/api/v1/tables/orders")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/shop").then().statusCode(201);
    given()
        .body(
            "{\"method\":\"GET\",\"path\":\"/customers/{customerId}/orders\",\"table\":\"orders\",\"action\":\"Query\",\"limit\":2}")
        .put("/api/v1/apis/shop/routes/orders")
        .then()
        .statusCode(201);
    String invokeUrl = reconcile("shop");
    try (DynamoDbClient dynamo = dynamoThroughEmulator()) {
      for (int i = 1; i <= 3; i++) {
        int n = i;
        dynamo.putItem(
            b ->
                b.tableName("orders")
                    .item(
                        Map.of(
                            "customerId",
                            AttributeValue.fromS("c1"),
                            "orderId",
                            AttributeValue.fromS("o" + n),
                            "total",
                            AttributeValue.fromN(Integer.toString(10 * n)))));
      }
    }
    var first =
        given()
            .baseUri(invokeUrl)
            .get("/customers/c1/orders")
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("items[0].orderId", equalTo("o1"))
            .body("items[0].total", equalTo(10))
            .extract();
    String cursor = first.path("nextCursor");
    assertTrue(cursor != null && !cursor.isEmpty(), "a first page of a longer result has a cursor");
    given()
        .baseUri(invokeUrl)
        .queryParam("cursor", cursor)
        .get("/customers/c1/orders")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].orderId", equalTo("o3"));
    given()
        .baseUri(invokeUrl)
        .queryParam("order", "desc")
        .queryParam("limit", 1)
        .get("/customers/c1/orders")
        .then()
        .statusCode(200)
        .body("items[0].orderId", equalTo("o3"));
  }

  @Test
  void removedRoutesAndApisLeaveAws() {
    given()
        .body(Seed.usersTableNamed("people"))
        .put("/api/v1/tables/people")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/temp").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/people/{userId}\",\"table\":\"people\"}")
        .put("/api/v1/apis/temp/routes/one")
        .then()
        .statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/others/{userId}\",\"table\":\"people\"}")
        .put("/api/v1/apis/temp/routes/two")
        .then()
        .statusCode(201);
    String invokeUrl = reconcile("temp");
    String restApiId = given().get("/api/v1/apis/temp").then().extract().path("status.restApiId");
    given().baseUri(invokeUrl).get("/others/x").then().statusCode(404);

    given().delete("/api/v1/apis/temp/routes/two").then().statusCode(204);
    reconcile("temp");
    given()
        .baseUri(invokeUrl)
        .get("/others/x")
        .then()
        .statusCode(403)
        .body("message", equalTo("Missing Authentication Token"));
    given().baseUri(invokeUrl).get("/people/x").then().statusCode(404);

    // the last route gone, the stage goes too: nothing stale is served, and nothing is left to do
    given().delete("/api/v1/apis/temp/routes/one").then().statusCode(204);
    given()
        .post("/api/v1/apis/temp/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Idle"))
        .body("status.observedVersion", notNullValue());
    given().baseUri(invokeUrl).get("/people/x").then().statusCode(403);
    given().get("/api/v1/apis/temp/plan").then().statusCode(200).body("changes", hasSize(0));
    given()
        .post("/api/v1/apis/temp/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Idle"));

    given().delete("/api/v1/apis/temp").then().statusCode(202);
    given().post("/api/v1/apis/temp/reconcile?wait=true");
    given().get("/api/v1/apis/temp").then().statusCode(404);
    assertTrue(
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .noneMatch(a -> a.id().equals(restApiId)));
    assertTrue(iam.listRoles().roles().stream().noneMatch(r -> r.roleName().endsWith("-temp")));
  }

  @Test
  void driftIsRepairedOrOnlyReported() {
    given()
        .body(Seed.usersTableNamed("drifting"))
        .put("/api/v1/tables/drifting")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/drift").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/d/{userId}\",\"table\":\"drifting\"}")
        .put("/api/v1/apis/drift/routes/get")
        .then()
        .statusCode(201);
    reconcile("drift");
    String restApiId = given().get("/api/v1/apis/drift").then().extract().path("status.restApiId");
    String role = given().get("/api/v1/apis/drift/definition").then().extract().path("roleName");
    String policy =
        given().get("/api/v1/apis/drift/definition").then().extract().path("policyName");

    String resourceId =
        apiGateway.getResources(b -> b.restApiId(restApiId).limit(500)).items().stream()
            .filter(r -> "/d/{userId}".equals(r.path()))
            .findFirst()
            .orElseThrow()
            .id();
    apiGateway.deleteMethod(b -> b.restApiId(restApiId).resourceId(resourceId).httpMethod("GET"));
    iam.deleteRolePolicy(b -> b.roleName(role).policyName(policy));
    List<String> plan =
        given()
            .get("/api/v1/apis/drift/plan")
            .then()
            .statusCode(200)
            .extract()
            .path("changes.type");
    assertEquals(List.of("PutRolePolicy", "PutRestApi", "CreateDeployment"), plan);
    reconcile("drift");
    given().get("/api/v1/apis/drift/plan").then().body("changes", hasSize(0));
    given()
        .get("/api/v1/apis/drift/events")
        .then()
        .body("items.type", org.hamcrest.Matchers.hasItem("drift"));

    given().body("{\"driftPolicy\":\"REPORT\"}").put("/api/v1/apis/drift").then().statusCode(200);
    reconcile("drift");
    iam.deleteRolePolicy(b -> b.roleName(role).policyName(policy));
    given()
        .post("/api/v1/apis/drift/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Degraded"))
        .body("status.drift", containsString("put policy"));
    assertTrue(
        iam.listRolePolicies(b -> b.roleName(role)).policyNames().isEmpty(), "REPORT only reports");
    // the drift stays reported, pass after pass, until someone repairs it
    given()
        .post("/api/v1/apis/drift/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Degraded"));
  }

  @Test
  void aBlockedPlanAppliesNothingNotEvenWhatComesBeforeTheBlock() {
    given()
        .body(Seed.usersTableNamed("never-made"))
        .put("/api/v1/tables/never-made")
        .then()
        .statusCode(201);
    awaitTablePhase("never-made", "Ready");
    given().body("{}").put("/api/v1/apis/blocked").then().statusCode(201);
    try (DynamoDbClient dynamo = dynamoThroughEmulator()) {
      // the table gone behind Dynagate's back, and a role of the API's name Dynagate did not make
      dynamo.deleteTable(b -> b.tableName("never-made"));
      String role =
          given().get("/api/v1/apis/blocked/definition").then().extract().path("roleName");
      iam.createRole(
          b ->
              b.roleName(role)
                  .assumeRolePolicyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},"
                          + "\"Action\":\"sts:AssumeRole\"}]}"));
      given()
          .body("{\"method\":\"GET\",\"path\":\"/b/{userId}\",\"table\":\"never-made\"}")
          .put("/api/v1/apis/blocked/routes/get")
          .then()
          .statusCode(201);
      given()
          .get("/api/v1/apis/blocked/plan")
          .then()
          .statusCode(200)
          .body("changes.type", hasItems("CreateTable", "Blocked"));

      given()
          .post("/api/v1/apis/blocked/reconcile?wait=true")
          .then()
          .statusCode(200)
          .body("status.phase", equalTo("Blocked"))
          .body("status.message", containsString("not made by Dynagate"));
      assertThrows(
          ResourceNotFoundException.class,
          () -> dynamo.describeTable(b -> b.tableName("never-made")),
          "the table before the block in the plan was not created");
      assertTrue(
          apiGateway.getRestApis(b -> b.limit(500)).items().stream()
              .noneMatch(a -> "blocked".equals(a.tags().get(Desired.API_TAG))),
          "no REST API was created");
      assertTrue(iam.listRolePolicies(b -> b.roleName(role)).policyNames().isEmpty());
      given()
          .get("/api/v1/apis/blocked/events")
          .then()
          .body("type", hasItems("blocked"))
          .body("type", not(hasItems("change")));
    }
  }

  private static void awaitTablePhase(String table, String phase) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!phase.equals(
        given().get("/api/v1/tables/" + table).then().extract().path("status.phase"))) {
      assertTrue(System.nanoTime() < deadline, "table " + table + " reached " + phase);
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  @Test
  void declaredThrottlingReachesTheStage() {
    given()
        .body(Seed.usersTableNamed("throttled"))
        .put("/api/v1/tables/throttled")
        .then()
        .statusCode(201);
    given()
        .body("{\"stage\":\"live\",\"throttling\":{\"rateLimit\":50.0,\"burstLimit\":100}}")
        .put("/api/v1/apis/throttled")
        .then()
        .statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/t/{userId}\",\"table\":\"throttled\"}")
        .put("/api/v1/apis/throttled/routes/get")
        .then()
        .statusCode(201);
    reconcile("throttled");
    String restApiId =
        given().get("/api/v1/apis/throttled").then().extract().path("status.restApiId");
    var settings =
        apiGateway
            .getStage(b -> b.restApiId(restApiId).stageName("live"))
            .methodSettings()
            .get("*/*");
    assertEquals(50.0, settings.throttlingRateLimit());
    assertEquals(100, settings.throttlingBurstLimit());
    given().get("/api/v1/apis/throttled/plan").then().body("changes", hasSize(0));
  }
}
