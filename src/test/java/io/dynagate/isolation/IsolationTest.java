package io.dynagate.isolation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Two teams over HTTP against the registry's integrity: the registry table and tables Dynagate did
 * not make for a team are out of reach, and only Dynagate's own tables are ever dropped.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class IsolationTest {

  private static Teams.Issued a;
  private static Teams.Issued b;
  private static DynamoDbClient account;

  @Inject EmbeddedEngine engine;

  @BeforeEach
  void twoTeamsAndAnAccount() {
    if (a == null) {
      Teams.create("iso-a");
      Teams.create("iso-b");
      a = Teams.issue("iso-a");
      b = Teams.issue("iso-b");
      // The account as anyone with credentials reaches it: the SDK on the emulator's endpoint.
      account =
          DynamoDbClient.builder()
              .endpointOverride(engine.emulatorEndpoint())
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build();
    }
  }

  @AfterAll
  static void closeAccount() {
    if (account != null) {
      account.close();
    }
  }

  @Test
  void theRegistryTableCanNeverBeDeclaredRoutedOverOrDeleted() {
    for (String name :
        new String[] {"dynagate-registry", "Dynagate-Registry", "dynagate-registry-x"}) {
      Teams.as(a)
          .body(Seed.usersTableNamed(name))
          .put("/api/v1/tables/" + name)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].message", containsString("reserved"));
    }
    Teams.as(a)
        .body(Seed.usersTableNamed("dynagate-registry"))
        .post("/api/v1/tables")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("registry"));
    Teams.asAdmin()
        .body(Seed.usersTableNamed("dynagate-registry"))
        .put("/api/v1/tables/dynagate-registry")
        .then()
        .statusCode(400);
    Teams.asAdmin()
        .body("{\"owner\":\"iso-a\"}")
        .post("/api/v1/tables/dynagate-registry/adopt")
        .then()
        .statusCode(400);

    Teams.as(a).body("{}").put("/api/v1/apis/iso-reg").then().statusCode(201);
    Teams.as(a)
        .body(RacesTest.route("/all/{pk}", "dynagate-registry"))
        .put("/api/v1/apis/iso-reg/routes/steal")
        .then()
        .statusCode(400)
        .body("errors[0].message", equalTo("table dynagate-registry is not declared"));
    Teams.as(a).delete("/api/v1/tables/dynagate-registry").then().statusCode(404);
    Teams.asAdmin()
        .get("/api/v1/teams")
        .then()
        .statusCode(200)
        .body("items.name", hasItem("iso-a"));
  }

  @Test
  void anUntaggedTableOfTheAccountIsRefusedUntilAnAdminAdoptsIt() {
    createDirectly("iso-legacy");
    Teams.as(a)
        .body(Seed.usersTableNamed("iso-legacy"))
        .put("/api/v1/tables/iso-legacy")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("not made by Dynagate for iso-a"))
        .body("detail", containsString("/adopt"));
    Teams.as(a).get("/api/v1/tables/iso-legacy").then().statusCode(404);

    Teams.as(a)
        .body("{\"owner\":\"iso-a\"}")
        .post("/api/v1/tables/iso-legacy/adopt")
        .then()
        .statusCode(403);
    Teams.asAdmin()
        .body("{\"owner\":\"iso-a\"}")
        .post("/api/v1/tables/iso-nowhere/adopt")
        .then()
        .statusCode(404);
    Teams.asAdmin()
        .body("{\"owner\":\"nobody-here\"}")
        .post("/api/v1/tables/iso-legacy/adopt")
        .then()
        .statusCode(400);
    Teams.asAdmin()
        .body("{\"owner\":\"iso-a\"}")
        .post("/api/v1/tables/iso-legacy/adopt")
        .then()
        .statusCode(200)
        .body("owner", equalTo("iso-a"));
    Teams.asAdmin()
        .queryParam("team", "iso-a")
        .get("/api/v1/audit")
        .then()
        .body("items.action", hasItem("adopt"));

    Teams.as(b)
        .body(Seed.usersTableNamed("iso-legacy"))
        .put("/api/v1/tables/iso-legacy")
        .then()
        .statusCode(409)
        .body("detail", containsString("tagged for another owner"));
    Teams.as(a)
        .body(Seed.usersTableNamed("iso-legacy"))
        .put("/api/v1/tables/iso-legacy")
        .then()
        .statusCode(201)
        .body("owner", equalTo("iso-a"));
    // Declared now: no admin hands it to another team behind its owner's back.
    Teams.asAdmin()
        .body("{\"owner\":\"iso-b\"}")
        .post("/api/v1/tables/iso-legacy/adopt")
        .then()
        .statusCode(409)
        .body("detail", containsString("declared by iso-a"));
  }

  @Test
  void deletionPolicyDeleteDropsOnlyATableTaggedAsDynagatesForItsOwner() {
    String dropped =
        Seed.usersTableNamed("iso-dropped").replaceFirst("\\{", "{\"DeletionPolicy\":\"DELETE\",");
    Teams.as(a).body(dropped).put("/api/v1/tables/iso-dropped").then().statusCode(201);
    await(() -> exists("iso-dropped"), "iso-dropped created");
    Teams.as(a).delete("/api/v1/tables/iso-dropped").then().statusCode(204);
    await(() -> !exists("iso-dropped"), "iso-dropped dropped");

    String kept =
        Seed.usersTableNamed("iso-untagged").replaceFirst("\\{", "{\"DeletionPolicy\":\"DELETE\",");
    Teams.as(a).body(kept).put("/api/v1/tables/iso-untagged").then().statusCode(201);
    await(() -> exists("iso-untagged"), "iso-untagged created");
    String arn = account.describeTable(t -> t.tableName("iso-untagged")).table().tableArn();
    account.untagResource(t -> t.resourceArn(arn).tagKeys("dynagate:owner", "dynagate:managed-by"));
    Teams.as(a).delete("/api/v1/tables/iso-untagged").then().statusCode(204);
    await(
        () -> Teams.as(a).get("/api/v1/tables/iso-untagged").statusCode() == 404,
        "declaration of iso-untagged removed");
    assertTrue(exists("iso-untagged"), "a table not tagged as Dynagate's is never dropped");
  }

  @Test
  void twoVariablePartsAtOneLevelConflictAndPathsHaveNoDotsOrChildrenUnderGreedyParts() {
    Teams.as(a).body(Seed.usersTableNamed("iso-users")).put("/api/v1/tables/iso-users");
    Teams.as(a).body("{}").put("/api/v1/apis/iso-paths").then().statusCode(201);
    Teams.as(a)
        .body(RacesTest.route("/users/{userId}", "iso-users"))
        .put("/api/v1/apis/iso-paths/routes/by-user")
        .then()
        .statusCode(201);
    Teams.as(a)
        .body(
            "{\"method\":\"GET\",\"path\":\"/users/{id}/again\",\"table\":\"iso-users\","
                + "\"key\":{\"userId\":\"path.id\"}}")
        .put("/api/v1/apis/iso-paths/routes/by-id")
        .then()
        .statusCode(409)
        .body("detail", containsString("route by-user"))
        .body("detail", containsString("{userId}"));
    for (String path :
        new String[] {"/a/./{userId}", "/a/../{userId}", "/a//{userId}", "/a/{p+}/{userId}"}) {
      Teams.as(a)
          .body(RacesTest.route(path, "iso-users"))
          .put("/api/v1/apis/iso-paths/routes/bad")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("path"));
    }
    // The same variable name at that level is one resource: fine.
    Teams.as(a)
        .body(RacesTest.route("/users/{userId}/copy", "iso-users"))
        .put("/api/v1/apis/iso-paths/routes/copy")
        .then()
        .statusCode(201);
    // Once the holder is gone, the level is free for another name.
    Teams.as(a).delete("/api/v1/apis/iso-paths/routes/copy").then().statusCode(204);
    Teams.as(a).delete("/api/v1/apis/iso-paths/routes/by-user").then().statusCode(204);
    Teams.as(a)
        .body(
            "{\"method\":\"GET\",\"path\":\"/users/{id}\",\"table\":\"iso-users\","
                + "\"key\":{\"userId\":\"path.id\"}}")
        .put("/api/v1/apis/iso-paths/routes/by-id")
        .then()
        .statusCode(201);
  }

  @Test
  void anotherTeamCannotDeleteOrOverwriteATableAndAUsedTableStays() {
    Teams.as(a).body(Seed.usersTableNamed("iso-used")).put("/api/v1/tables/iso-used");
    Teams.as(a).body("{}").put("/api/v1/apis/iso-use").then().statusCode(201);
    Teams.as(a)
        .body(RacesTest.route("/u/{userId}", "iso-used"))
        .put("/api/v1/apis/iso-use/routes/get")
        .then()
        .statusCode(201);
    Teams.as(b).delete("/api/v1/tables/iso-used").then().statusCode(403);
    Teams.as(a)
        .delete("/api/v1/tables/iso-used")
        .then()
        .statusCode(409)
        .body("detail", containsString("iso-use/get"));
    Teams.as(a).delete("/api/v1/apis/iso-use/routes/get").then().statusCode(204);
    Teams.as(a).delete("/api/v1/tables/iso-used").then().statusCode(204);
  }

  private static void createDirectly(String name) {
    account.createTable(
        t ->
            t.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    d -> d.attributeName("userId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("userId").keyType(KeyType.HASH)));
    await(() -> exists(name), name + " created");
  }

  private static boolean exists(String name) {
    try {
      return "ACTIVE"
          .equals(account.describeTable(t -> t.tableName(name)).table().tableStatusAsString());
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertFalse(System.nanoTime() > deadline, "never happened: " + what);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
