package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A live Query route refuses a bad limit or order with a neutral 400, end to end. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class LiveQueryParamsTest {

  @Inject EmbeddedEngine engine;

  @Test
  void aBadLimitOrOrderIs400AndAGoodOneServes() {
    given()
        .body(
            """
            {"BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"customerId","AttributeType":"S"},
               {"AttributeName":"orderId","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"customerId","KeyType":"HASH"},
               {"AttributeName":"orderId","KeyType":"RANGE"}]}
            """)
        .put("/api/v1/tables/lq-orders")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/lq").then().statusCode(201);
    given()
        .body(
            "{\"method\":\"GET\",\"path\":\"/customers/{customerId}/orders\","
                + "\"table\":\"lq-orders\",\"action\":\"Query\"}")
        .put("/api/v1/apis/lq/routes/orders")
        .then()
        .statusCode(201);
    String invokeUrl =
        given()
            .post("/api/v1/apis/lq/reconcile?wait=true")
            .then()
            .statusCode(200)
            .body("status.phase", equalTo("Ready"))
            .extract()
            .path("status.invokeUrl");
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(engine.emulatorEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      for (String order : new String[] {"o1", "o2", "o3"}) {
        dynamo.putItem(
            b ->
                b.tableName("lq-orders")
                    .item(
                        Map.of(
                            "customerId", AttributeValue.fromS("c1"),
                            "orderId", AttributeValue.fromS(order))));
      }
    }
    for (String query :
        new String[] {
          "limit=-1",
          "limit=0",
          "limit=abc",
          "limit=2.5",
          "limit=1e9",
          "order=sideways",
          "order=DESC",
          "limit=2&order=up"
        }) {
      given()
          .baseUri(invokeUrl)
          .get("/customers/c1/orders?" + query)
          .then()
          .statusCode(400)
          .body("message", equalTo("Bad request"))
          .body(not(containsString("lq-orders")))
          .body(not(containsString("Limit")));
    }
    given()
        .baseUri(invokeUrl)
        .get("/customers/c1/orders?limit=2&order=desc")
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("items[0].orderId", equalTo("o3"));
    given()
        .baseUri(invokeUrl)
        .get("/customers/c1/orders")
        .then()
        .statusCode(200)
        .body("items", hasSize(3));
  }
}
