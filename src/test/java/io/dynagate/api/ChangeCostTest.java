package io.dynagate.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Status;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.PassesOnRequest;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one change costs in calls, counted by the service's own AWS call meters: updating an API is
 * one conditional registry write and its audit event, and a pass over an API without routes reads
 * only its REST API. Passes run only when the test asks, so that none adds calls of its own.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(PassesOnRequest.class)
@OwnTokens
class ChangeCostTest {

  private static final Pattern CALLS =
      Pattern.compile(
          "(?m)^dynagate_aws_calls_total\\{operation=\"(\\w+)\",outcome=\"\\w+\",service=\"(\\w+)\"\\}"
              + " ([0-9.E+-]+)$");

  @Inject Registry registry;

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void twoTeams() {
    if (a == null) {
      Teams.create("cost-a");
      Teams.create("cost-b");
      a = Teams.issue("cost-a");
      b = Teams.issue("cost-b");
    }
  }

  @Test
  void updatingAnApiIsOneRegistryWriteAndItsAuditEvent() {
    Teams.asAdmin()
        .body("{\"description\":\"one\"}")
        .put("/api/v1/apis/cost-api")
        .then()
        .statusCode(201);
    Map<String, Double> before = calls();
    Teams.asAdmin()
        .body("{\"description\":\"two\"}")
        .put("/api/v1/apis/cost-api")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("version", equalTo(2))
        .body("spec.description", equalTo("two"))
        .body("status.phase", equalTo("Pending"));
    Map<String, Double> spent = since(before);
    assertEquals(
        Map.of("dynamodb:UpdateItem", 1.0, "dynamodb:BatchWriteItem", 1.0), spent, spent::toString);
    Map<String, Object> event =
        Teams.asAdmin()
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("items.find { it.name == 'cost-api' && it.action == 'update' }");
    assertEquals(1, event.get("versionBefore"));
    assertEquals(2, event.get("versionAfter"));
    assertEquals("admin", event.get("actor"));
    assertEquals(true, event.get("specBefore").toString().contains("one"), event::toString);
    assertEquals(true, event.get("specAfter").toString().contains("two"), event::toString);
  }

  @Test
  void anApiChangedByItsTeamOnlyAndNotWhileBeingDeleted() {
    Teams.as(a).body("{\"description\":\"mine\"}").put("/api/v1/apis/cost-a-api").then();
    Teams.as(a)
        .body("{\"description\":\"again\"}")
        .put("/api/v1/apis/cost-a-api")
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("owner", equalTo("cost-a"));
    Teams.as(b)
        .body("{\"description\":\"theirs\"}")
        .put("/api/v1/apis/cost-a-api")
        .then()
        .statusCode(403);
    Teams.as(a)
        .header("If-Match", "\"1\"")
        .body("{\"description\":\"stale\"}")
        .put("/api/v1/apis/cost-a-api")
        .then()
        .statusCode(412);
    Teams.as(a)
        .get("/api/v1/apis/cost-a-api")
        .then()
        .body("version", equalTo(2))
        .body("spec.description", equalTo("again"));
    Teams.as(a).delete("/api/v1/apis/cost-a-api").then().statusCode(202);
    Teams.as(a)
        .body("{\"description\":\"late\"}")
        .put("/api/v1/apis/cost-a-api")
        .then()
        .statusCode(409);
    List<Object> actions =
        Teams.as(a)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.findAll { it.name == 'cost-a-api' }.action");
    assertEquals(List.of("delete", "update", "create"), actions);
  }

  @Test
  void aPassOverAnApiWithoutRoutesReadsOnlyItsRestApi() {
    Teams.asAdmin().body("{}").put("/api/v1/apis/cost-idle").then().statusCode(201);
    for (int pass = 1; pass <= 2; pass++) {
      Map<String, Double> before = calls();
      reconcile("cost-idle", "Idle");
      Map<String, Double> aws = new HashMap<>(since(before));
      // The registry's own calls aside, and the account id, which the first pass looks up once.
      aws.keySet().removeIf(call -> call.startsWith("dynamodb:") || call.startsWith("sts:"));
      assertEquals(Map.of("apigateway:GetRestApis", 1.0), aws, aws::toString);
    }
  }

  @Test
  void aPassReadsTheApisRoutesOnceAndMarksLiveTheVersionsItRead() {
    Teams.asAdmin()
        .body(
            "{\"TableName\":\"cost-users\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"userId\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"userId\",\"KeyType\":\"HASH\"}],"
                + "\"BillingMode\":\"PAY_PER_REQUEST\"}")
        .put("/api/v1/tables/cost-users")
        .then()
        .statusCode(201);
    Teams.asAdmin().body("{}").put("/api/v1/apis/cost-routes").then().statusCode(201);
    for (String route : List.of("one", "two")) {
      Teams.asAdmin()
          .body(
              "{\"method\":\"GET\",\"path\":\"/" + route + "/{userId}\",\"table\":\"cost-users\"}")
          .put("/api/v1/apis/cost-routes/routes/" + route)
          .then()
          .statusCode(201);
    }
    reconcile("cost-routes", "Ready");
    Map<String, Double> before = calls();
    reconcile("cost-routes", "Ready");
    // Its routes (one Query, whatever their number), its consumers (one): nothing read twice.
    assertEquals(2.0, since(before).getOrDefault("dynamodb:Query", 0.0), since(before)::toString);
    Teams.asAdmin()
        .get("/api/v1/apis/cost-routes/routes/one")
        .then()
        .body("version", equalTo(1))
        .body("status.phase", equalTo("Ready"))
        .body("status.observedVersion", equalTo(1));
  }

  @Test
  void aStatusAboutOneVersionNeverLandsOnTheNext() {
    Teams.asAdmin().body("{}").put("/api/v1/apis/cost-status").then().statusCode(201);
    Teams.asAdmin().body("{\"description\":\"v2\"}").put("/api/v1/apis/cost-status");
    Ref ref = Ref.api("cost-status");
    registry.writeStatus(ref, 1, Status.ready(1, "live", Instant.now()));
    assertEquals(Status.Phase.PENDING, registry.get(ref).orElseThrow().status().phase());
    registry.writeStatus(ref, 2, Status.ready(2, "live", Instant.now()));
    assertEquals(Status.Phase.READY, registry.get(ref).orElseThrow().status().phase());
    registry.writeStatus(Ref.api("cost-never-declared"), 1, Status.ready(1, "", Instant.now()));
    assertEquals(Optional.empty(), registry.get(Ref.api("cost-never-declared")));
  }

  /** Calls so far, by {@code service:Operation}, whatever their outcome. */
  private static Map<String, Double> calls() {
    String metrics = Teams.asAdmin().get("/q/metrics").then().statusCode(200).extract().asString();
    Map<String, Double> calls = new HashMap<>();
    Matcher m = CALLS.matcher(metrics);
    while (m.find()) {
      calls.merge(m.group(2) + ":" + m.group(1), Double.parseDouble(m.group(3)), Double::sum);
    }
    return calls;
  }

  private static Map<String, Double> since(Map<String, Double> before) {
    Map<String, Double> spent = new HashMap<>();
    calls()
        .forEach(
            (call, count) -> {
              double delta = count - before.getOrDefault(call, 0.0);
              if (delta > 0) {
                spent.put(call, delta);
              }
            });
    return spent;
  }

  /** Runs a pass over {@code api} and waits for it, which must end in {@code phase}. */
  private static void reconcile(String api, String phase) {
    Teams.asAdmin()
        .post("/api/v1/apis/" + api + "/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo(phase));
  }
}
