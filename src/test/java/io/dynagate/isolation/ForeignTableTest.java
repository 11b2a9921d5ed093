package io.dynagate.isolation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.reconcile.TablePort;
import io.dynagate.reconcile.TableReconciler;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.PassesOnRequest;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * A table made directly in the account after its name was declared and before the pass that would
 * have made it: the pass finds it there and must not take it as Dynagate's. Passes run only when
 * the test asks, so the window between declaration and pass is the test's to use.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(PassesOnRequest.class)
@OwnTokens
class ForeignTableTest {

  private static Teams.Issued a;
  private static DynamoDbClient account;

  @Inject EmbeddedEngine engine;
  @Inject TableReconciler tables;

  @BeforeEach
  void aTeamAndAnAccount() {
    if (a == null) {
      Teams.create("late-a");
      a = Teams.issue("late-a");
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
  void anUntaggedTableMadeAfterTheDeclarationBlocksTheTableAndItsApi() {
    declare("late-untagged");
    createDirectly("late-untagged", Map.of());

    tables.reconcile("late-untagged");
    Teams.as(a)
        .get("/api/v1/tables/late-untagged")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Blocked"))
        .body("status.message", containsString("not made by Dynagate"));

    Teams.as(a).body("{}").put("/api/v1/apis/late-api").then().statusCode(201);
    Teams.as(a)
        .body(RacesTest.route("/late/{userId}", "late-untagged"))
        .put("/api/v1/apis/late-api/routes/get")
        .then()
        .statusCode(201);
    Teams.as(a)
        .post("/api/v1/apis/late-api/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Blocked"))
        .body("status.message", containsString("late-untagged"))
        .body("status.message", containsString("not made by Dynagate"));
    assertEquals(Map.of(), tagsOf("late-untagged"), "the foreign table is left as it was");
  }

  @Test
  void aTableTaggedForAnotherTeamIsNotThisTeams() {
    declare("late-other");
    createDirectly("late-other", TablePort.ownerTags("someone-else"));

    tables.reconcile("late-other");
    Teams.as(a)
        .get("/api/v1/tables/late-other")
        .then()
        .body("status.phase", equalTo("Blocked"))
        .body("status.message", containsString("not Dynagate's for team late-a"));
  }

  @Test
  void aTableThePassMakesIsReadyAndTaggedForItsOwner() {
    declare("late-own");
    tables.reconcile("late-own");
    Teams.as(a).get("/api/v1/tables/late-own").then().body("status.phase", equalTo("Ready"));
    assertTrue(tagsOf("late-own").entrySet().containsAll(TablePort.ownerTags("late-a").entrySet()));
    // and the next pass verifies it, finding it the owner's
    tables.reconcile("late-own");
    Teams.as(a).get("/api/v1/tables/late-own").then().body("status.phase", equalTo("Ready"));
  }

  private static void declare(String name) {
    Teams.as(a)
        .body(Seed.usersTableNamed(name))
        .put("/api/v1/tables/" + name)
        .then()
        .statusCode(201);
  }

  private static void createDirectly(String name, Map<String, String> tags) {
    List<Tag> given =
        tags.entrySet().stream()
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList();
    String arn =
        account
            .createTable(
                t ->
                    t.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                            d -> d.attributeName("userId").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("userId").keyType(KeyType.HASH)))
            .tableDescription()
            .tableArn();
    if (!given.isEmpty()) {
      // dynalite drops CreateTable's tags; TagResource keeps them.
      account.tagResource(b -> b.resourceArn(arn).tags(given));
    }
    IsolationTest.await(() -> active(name), name + " ACTIVE");
  }

  private static boolean active(String name) {
    try {
      return "ACTIVE"
          .equals(account.describeTable(t -> t.tableName(name)).table().tableStatusAsString());
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static Map<String, String> tagsOf(String name) {
    String arn = account.describeTable(t -> t.tableName(name)).table().tableArn();
    Map<String, String> tags = new HashMap<>();
    account
        .listTagsOfResource(b -> b.resourceArn(arn))
        .tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }
}
