package io.dynagate.bundle;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Apply, dry-run, prune and export through HTTP, as a team's pipeline would. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class BundleTest {

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void twoTeams() {
    if (a == null) {
      Teams.create("bundle-a");
      Teams.create("bundle-b");
      a = Teams.issue("bundle-a");
      b = Teams.issue("bundle-b");
    }
  }

  /** The committed example bundle with every name given a prefix, so tests do not collide. */
  private static String example(String prefix) throws IOException {
    return Files.readString(Path.of("examples/users.yaml"))
        .replace("  users:", "  " + prefix + "users:")
        .replace("TableName: users", "TableName: " + prefix + "users")
        .replace("table: users", "table: " + prefix + "users");
  }

  @Test
  void dryRunAnswersTheDiffAndWritesNothing() throws IOException {
    Teams.as(a)
        .body(example("dry-"))
        .post("/api/v1/apply?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("changes.action", contains("create", "create", "create"))
        .body("changes.name", contains("dry-users", "dry-users", "dry-users/get-user"));
    Teams.as(a).get("/api/v1/tables/dry-users").then().statusCode(404);
    Teams.as(a).get("/api/v1/apis/dry-users").then().statusCode(404);
  }

  @Test
  void applyThenExportRoundTripsAndReapplyChangesNothing() throws IOException {
    Teams.as(a)
        .body(example("trip-"))
        .post("/api/v1/apply")
        .then()
        .statusCode(200)
        .body("changes.action", contains("create", "create", "create"));
    Teams.as(a)
        .get("/api/v1/apis/trip-users/routes/get-user")
        .then()
        .statusCode(200)
        .body("owner", equalTo("bundle-a"))
        .body("spec.path", equalTo("/users/{userId}"));

    String exported =
        Teams.as(a)
            .accept("application/yaml")
            .get("/api/v1/export")
            .then()
            .statusCode(200)
            .contentType(containsString("yaml"))
            .body(containsString("trip-users"))
            .extract()
            .asString();
    Teams.as(a)
        .body(exported)
        .post("/api/v1/apply?prune=true&dryRun=true")
        .then()
        .statusCode(200)
        .body("changes.action", not(hasItem("create")))
        .body("changes.action", not(hasItem("update")))
        .body("changes.action", not(hasItem("delete")));
    String json = Teams.as(a).get("/api/v1/export").then().statusCode(200).extract().asString();
    Teams.as(a)
        .body(json)
        .post("/api/v1/apply")
        .then()
        .statusCode(200)
        .body("changes.action", not(hasItem("update")));
    Teams.as(a).get("/api/v1/export?format=yaml").then().contentType(containsString("yaml"));
  }

  @Test
  void pruneRemovesOnlyTheCallersOwnUnnamedDeclarations() throws IOException {
    Teams.as(a).body(example("prune-")).post("/api/v1/apply").then().statusCode(200);
    Teams.as(b).body(example("theirs-")).post("/api/v1/apply").then().statusCode(200);

    String onlyTheTable =
        example("prune-").substring(0, example("prune-").indexOf("apis:")) + "apis: {}\n";
    Teams.as(a)
        .body(onlyTheTable)
        .post("/api/v1/apply?prune=true")
        .then()
        .statusCode(200)
        .body("changes.findAll { it.action == 'delete' }.name", hasItems("prune-users/get-user"))
        .body("changes.findAll { it.action == 'delete' }.name", not(hasItem("theirs-users")))
        .body("changes.name", not(hasItem("theirs-users/get-user")));
    Teams.as(a).get("/api/v1/apis/prune-users/routes/get-user").then().statusCode(404);
    Teams.as(a).get("/api/v1/tables/prune-users").then().statusCode(200);
    Teams.as(b).get("/api/v1/apis/theirs-users/routes/get-user").then().statusCode(200);
    Teams.as(b).get("/api/v1/tables/theirs-users").then().statusCode(200);
  }

  @Test
  void aTeamCannotOverwriteAnothersDeclarationsAndNothingIsApplied() throws IOException {
    Teams.as(b).body(example("held-")).post("/api/v1/apply").then().statusCode(200);
    String mine =
        example("held-").replace("user lookups by id", "taken over")
            + "  mine-too:\n    spec: {}\n";
    Teams.as(a)
        .body(mine)
        .post("/api/v1/apply")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(409)))
        .contentType("application/problem+json");
    Teams.as(b)
        .get("/api/v1/apis/held-users")
        .then()
        .body("spec.description", equalTo("user lookups by id"));
    Teams.as(a).get("/api/v1/apis/mine-too").then().statusCode(404);
  }

  @Test
  void invalidItemsAreNamedByTheirPathAndNothingIsApplied() {
    String bundle =
        """
        tables:
          bad-ok:
            TableName: bad-ok
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
        apis:
          bad-api:
            spec: {stage: "no spaces allowed", surprise: 1}
            routes:
              r1: {method: GET, path: "/items/{id}", table: no-such-table}
        extra: true
        """;
    Teams.as(a)
        .body(bundle)
        .post("/api/v1/apply")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("extra"));
    Teams.as(a)
        .body(bundle.replace("extra: true\n", ""))
        .post("/api/v1/apply")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(containsString("apis.bad-api.spec")))
        .body("errors.field", hasItem(containsString("apis.bad-api.routes.r1")));
    Teams.as(a).get("/api/v1/tables/bad-ok").then().statusCode(404);
    Teams.as(a).body("not: [valid").post("/api/v1/apply").then().statusCode(400);
  }
}
