package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input answers 400 (or 413) naming the field, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class BadInputTest {

  private static final String USERS = Seed.usersTableNamed("bad-users");
  private static final String ATTR_S = "{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}";
  private static final String HASH_ID = "{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}";
  private static final String PT =
      "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}";

  @BeforeEach
  void declareWhatRoutesReferTo() {
    given()
        .body(USERS)
        .put("/api/v1/tables/bad-users")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    given()
        .body(
            """
            {"TableName":"bad-orders","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"customerId","AttributeType":"S"},
               {"AttributeName":"orderId","AttributeType":"S"},{"AttributeName":"status","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"customerId","KeyType":"HASH"},{"AttributeName":"orderId","KeyType":"RANGE"}],
             "GlobalSecondaryIndexes":[{"IndexName":"by-status","KeySchema":[{"AttributeName":"status","KeyType":"HASH"}],
               "Projection":{"ProjectionType":"ALL"}}]}
            """)
        .put("/api/v1/tables/bad-orders")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    given()
        .body("{}")
        .put("/api/v1/apis/bad")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
  }

  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of(
            "missing KeySchema",
            "t-no-keys",
            "{\"AttributeDefinitions\":[" + ATTR_S + "]," + PT + "}",
            "KeySchema"),
        Arguments.of(
            "key not in AttributeDefinitions",
            "t-undef",
            "{\"AttributeDefinitions\":[],\"KeySchema\":[" + HASH_ID + "]," + PT + "}",
            "KeySchema[0].AttributeName"),
        Arguments.of(
            "type X",
            "t-type-x",
            "{\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"X\"}],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + "}",
            "AttributeDefinitions[0].AttributeType"),
        Arguments.of(
            "two HASH keys",
            "t-two-hash",
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + ",{\"AttributeName\":\"b\",\"AttributeType\":\"S\"}],\"KeySchema\":["
                + HASH_ID
                + ",{\"AttributeName\":\"b\",\"KeyType\":\"HASH\"}],"
                + PT
                + "}",
            "KeySchema"),
        Arguments.of(
            "256-char name",
            "x".repeat(256),
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + "}",
            "TableName"),
        Arguments.of(
            "two-char name",
            "ab",
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + "}",
            "TableName"),
        Arguments.of(
            "name differs from URL",
            "t-url",
            "{\"TableName\":\"other\",\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + "}",
            "TableName"),
        Arguments.of(
            "unused attribute definition",
            "t-unused",
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + ",{\"AttributeName\":\"x\",\"AttributeType\":\"N\"}],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + "}",
            "AttributeDefinitions"),
        Arguments.of(
            "RANGE only",
            "t-range",
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"RANGE\"}],"
                + PT
                + "}",
            "KeySchema"),
        Arguments.of(
            "no throughput for PROVISIONED",
            "t-no-pt",
            "{\"AttributeDefinitions\":[" + ATTR_S + "],\"KeySchema\":[" + HASH_ID + "]}",
            "ProvisionedThroughput"),
        Arguments.of(
            "bad billing mode",
            "t-billing",
            "{\"BillingMode\":\"FREE\",\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "]}",
            "BillingMode"),
        Arguments.of(
            "unknown field",
            "t-unknown",
            "{\"Colour\":\"red\",\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + "}",
            "Colour"),
        Arguments.of(
            "wrong type",
            "t-wrong",
            "{\"AttributeDefinitions\":\"id\",\"KeySchema\":[" + HASH_ID + "]," + PT + "}",
            "AttributeDefinitions"),
        Arguments.of(
            "GSI key undefined",
            "t-gsi",
            "{\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],\"GlobalSecondaryIndexes\":[{\"IndexName\":\"by-x\",\"KeySchema\":[{\"AttributeName\":\"x\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}",
            "GlobalSecondaryIndexes[0].KeySchema[0].AttributeName"),
        Arguments.of(
            "GSI without projection",
            "t-gsi-proj",
            "{\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],\"GlobalSecondaryIndexes\":[{\"IndexName\":\"by-id\",\"KeySchema\":["
                + HASH_ID
                + "]}]}",
            "GlobalSecondaryIndexes[0].Projection.ProjectionType"),
        Arguments.of(
            "bad AttributeSchema type",
            "t-schema",
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + ",\"AttributeSchema\":{\"age\":\"INT\"}}",
            "AttributeSchema.age"),
        Arguments.of(
            "bad DeletionPolicy",
            "t-policy",
            "{\"AttributeDefinitions\":["
                + ATTR_S
                + "],\"KeySchema\":["
                + HASH_ID
                + "],"
                + PT
                + ",\"DeletionPolicy\":\"SHRED\"}",
            "DeletionPolicy"));
  }

  @ParameterizedTest(name = "table: {0}")
  @MethodSource("tables")
  void badTablesAreRefusedAndNotStored(String what, String name, String body, String field) {
    given()
        .body(body)
        .put("/api/v1/tables/" + name)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItem(field));
    given().get("/api/v1/tables/" + name).then().statusCode(404);
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of(
            "unknown table",
            "{\"method\":\"GET\",\"path\":\"/u/{id}\",\"table\":\"nope\"}",
            "table"),
        Arguments.of("missing table", "{\"method\":\"GET\",\"path\":\"/u/{userId}\"}", "table"),
        Arguments.of(
            "unknown index",
            "{\"method\":\"GET\",\"path\":\"/o/{status}\",\"table\":\"bad-orders\",\"action\":\"Query\",\"index\":\"by-colour\"}",
            "index"),
        Arguments.of(
            "unbound key attribute",
            "{\"method\":\"GET\",\"path\":\"/users\",\"table\":\"bad-users\"}",
            "key"),
        Arguments.of(
            "key bound to a path parameter not in the path",
            "{\"method\":\"GET\",\"path\":\"/users/{id}\",\"table\":\"bad-users\",\"key\":{\"userId\":\"path.uid\"}}",
            "key.userId"),
        Arguments.of(
            "range key unbound",
            "{\"method\":\"GET\",\"path\":\"/c/{customerId}\",\"table\":\"bad-orders\"}",
            "key"),
        Arguments.of(
            "{a}/{a}",
            "{\"method\":\"GET\",\"path\":\"/x/{a}/{a}\",\"table\":\"bad-users\",\"key\":{\"userId\":\"path.a\"}}",
            "path"),
        Arguments.of(
            "POST route",
            "{\"method\":\"POST\",\"path\":\"/users/{userId}\",\"table\":\"bad-users\"}",
            "method"),
        Arguments.of(
            "{proxy+}",
            "{\"method\":\"GET\",\"path\":\"/users/{proxy+}\",\"table\":\"bad-users\"}",
            "path"),
        Arguments.of(
            "path without /",
            "{\"method\":\"GET\",\"path\":\"users/{userId}\",\"table\":\"bad-users\"}",
            "path"),
        Arguments.of(
            "empty segment",
            "{\"method\":\"GET\",\"path\":\"/users//{userId}\",\"table\":\"bad-users\"}",
            "path"),
        Arguments.of(
            "bad parameter name",
            "{\"method\":\"GET\",\"path\":\"/users/{user-id}\",\"table\":\"bad-users\"}",
            "path"),
        Arguments.of(
            "bad key source",
            "{\"method\":\"GET\",\"path\":\"/users\",\"table\":\"bad-users\",\"key\":{\"userId\":\"cookie.id\"}}",
            "key.userId"),
        Arguments.of(
            "key on a non-key attribute",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"bad-users\",\"key\":{\"email\":\"query.email\"}}",
            "key.email"),
        Arguments.of(
            "unknown action",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"bad-users\",\"action\":\"Scan\"}",
            "action"),
        Arguments.of(
            "limit above maxLimit",
            "{\"method\":\"GET\",\"path\":\"/c/{customerId}\",\"table\":\"bad-orders\",\"action\":\"Query\",\"limit\":50,\"maxLimit\":10}",
            "limit"),
        Arguments.of(
            "maxLimit above 1000",
            "{\"method\":\"GET\",\"path\":\"/c/{customerId}\",\"table\":\"bad-orders\",\"action\":\"Query\",\"maxLimit\":5000}",
            "maxLimit"),
        Arguments.of(
            "BETWEEN with one value",
            "{\"method\":\"GET\",\"path\":\"/c/{customerId}\",\"table\":\"bad-orders\",\"action\":\"Query\",\"sortKey\":{\"condition\":\"BETWEEN\",\"values\":[\"query.from\"]}}",
            "sortKey.values"),
        Arguments.of(
            "sortKey on GetItem",
            "{\"method\":\"GET\",\"path\":\"/c/{customerId}/{orderId}\",\"table\":\"bad-orders\",\"sortKey\":{\"condition\":\"EQ\",\"value\":\"query.x\"}}",
            "sortKey"),
        Arguments.of(
            "consistent read on a GSI",
            "{\"method\":\"GET\",\"path\":\"/o/{status}\",\"table\":\"bad-orders\",\"action\":\"Query\",\"index\":\"by-status\",\"consistentRead\":true}",
            "consistentRead"),
        Arguments.of(
            "unknown field",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"bad-users\",\"cache\":true}",
            "cache"),
        Arguments.of(
            "wrong type",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"bad-users\",\"consistentRead\":\"yes\"}",
            "consistentRead"),
        Arguments.of(
            "empty projection",
            "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"bad-users\",\"projection\":[]}",
            "projection"));
  }

  @ParameterizedTest(name = "route: {0}")
  @MethodSource("routes")
  void badRoutesAreRefusedAndNotStored(String what, String body, String field) {
    given()
        .body(body)
        .put("/api/v1/apis/bad/routes/r")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
    given().get("/api/v1/apis/bad/routes/r").then().statusCode(404);
  }

  static Stream<Arguments> apis() {
    return Stream.of(
        Arguments.of("upper-case name", "Shop", "{}", "name"),
        Arguments.of("65-char name", "a".repeat(65), "{}", "name"),
        Arguments.of("bad stage", "s-stage", "{\"stage\":\"dev stage\"}", "stage"),
        Arguments.of(
            "bad endpoint type", "s-endpoint", "{\"endpointType\":\"GLOBAL\"}", "endpointType"),
        Arguments.of("cors without origins", "s-cors", "{\"cors\":{}}", "cors.allowOrigins"),
        Arguments.of("bad drift policy", "s-drift", "{\"driftPolicy\":\"IGNORE\"}", "driftPolicy"));
  }

  @ParameterizedTest(name = "api: {0}")
  @MethodSource("apis")
  void badApisAreRefusedAndNotStored(String what, String name, String body, String field) {
    given()
        .body(body)
        .put("/api/v1/apis/" + name)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(field));
    given().get("/api/v1/apis/" + name).then().statusCode(404);
  }

  @org.junit.jupiter.api.Test
  void malformedJsonIsA400AndStoresNothing() {
    given()
        .body("{\"TableName\": \"t-malformed\", ")
        .put("/api/v1/tables/t-malformed")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed JSON"));
    given().get("/api/v1/tables/t-malformed").then().statusCode(404);
  }

  @org.junit.jupiter.api.Test
  void anOversizeBodyIsA413AndStoresNothing() {
    String huge = "{\"description\":\"" + "x".repeat(70 * 1024) + "\"}";
    given().body(huge).put("/api/v1/apis/huge").then().statusCode(413);
    given().get("/api/v1/apis/huge").then().statusCode(404);
  }

  @org.junit.jupiter.api.Test
  void allViolationsAreReportedAtOnce() {
    given()
        .body("{\"method\":\"POST\",\"path\":\"nope\",\"table\":\"bad-users\",\"projection\":[]}")
        .put("/api/v1/apis/bad/routes/many")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("method", "path", "projection"));
  }
}
