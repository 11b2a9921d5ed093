package io.dynagate.consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * Consumers end to end over HTTP: a team registered on a keyed API receives its key once, calls the
 * live route with it after the next pass, costs no mutating call on an unchanged pass, and is
 * refused 403 after revocation and the next pass. Crashed work is adopted, never duplicated.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ConsumerFlowTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;
  @Inject Registry registry;

  @Test
  void aRegisteredTeamCallsWithItsKeyUntilRevoked() throws Exception {
    String invokeUrl = keyedApi("cons_a", "cons-a");
    Teams.create("buyer-a");
    String key =
        given()
            .body(plan("buyer-a"))
            .post("/api/v1/apis/cons-a/consumers")
            .then()
            .statusCode(201)
            .body("team", equalTo("buyer-a"))
            .body("quotaPeriod", equalTo("DAY"))
            .extract()
            .path("apiKey");
    assertTrue(key.length() >= 20);
    String stored = registry.get(Ref.consumer("cons-a", "buyer-a")).orElseThrow().spec();
    assertFalse(stored.contains(key), "the registry keeps a digest, never the value");
    given()
        .get("/api/v1/apis/cons-a/consumers/buyer-a")
        .then()
        .statusCode(200)
        .body("apiKey", nullValue());
    given()
        .get("/api/v1/apis/cons-a/consumers")
        .then()
        .statusCode(200)
        .body("items.team", hasItems("buyer-a"))
        .body("items[0].apiKey", nullValue());

    reconcile("cons-a");
    assertEquals(404, get(invokeUrl + "/users/u1", key).statusCode(), "past the key gate");
    assertEquals(403, get(invokeUrl + "/users/u1", null).statusCode());
    assertEquals(403, get(invokeUrl + "/users/u1", key + "x").statusCode());

    resetCalls();
    reconcile("cons-a");
    assertEquals(List.of(), mutatingCalls(), "an unchanged pass mutates nothing");

    given().delete("/api/v1/apis/cons-a/consumers/buyer-a").then().statusCode(204);
    given().get("/api/v1/apis/cons-a/consumers/buyer-a").then().statusCode(404);
    reconcile("cons-a");
    HttpResponse<String> revoked = get(invokeUrl + "/users/u1", key);
    assertEquals(403, revoked.statusCode());
    assertEquals("{\"message\":\"Forbidden\"}", revoked.body());
    assertTrue(tagged("cons-a").isEmpty(), "no key left for the API");
  }

  @Test
  void aPlanLeftByACrashedPassIsAdoptedAndTheApiRemovalTakesItAll() throws Exception {
    String invokeUrl = keyedApi("cons_b", "cons-b");
    Teams.create("buyer-b");
    String key =
        given()
            .body(plan("buyer-b"))
            .post("/api/v1/apis/cons-b/consumers")
            .then()
            .statusCode(201)
            .extract()
            .path("apiKey");
    String apiId = given().get("/api/v1/apis/cons-b").then().extract().path("status.restApiId");
    // A pass that crashed after creating the plan, before linking the key.
    apiGateway.createUsagePlan(
        b ->
            b.name("crashed")
                .apiStages(s -> s.apiId(apiId).stage("dev"))
                .throttle(t -> t.rateLimit(50.0).burstLimit(20))
                .quota(q -> q.limit(1000).period("DAY"))
                .tags(Map.of("dynagate:api", "cons-b", "dynagate:consumer", "buyer-b")));
    reconcile("cons-b");
    long plans =
        apiGateway.getUsagePlans(b -> b.limit(500)).items().stream()
            .filter(p -> "cons-b".equals(p.tags().get("dynagate:api")))
            .count();
    assertEquals(1, plans, "adopted, not duplicated");
    assertEquals(404, get(invokeUrl + "/users/u1", key).statusCode());

    given().delete("/api/v1/apis/cons-b/routes/get-user").then().statusCode(204);
    given().delete("/api/v1/apis/cons-b").then().statusCode(202);
    // The removal is the reconciler's: passes until the declaration is gone (bounded).
    for (int pass = 0; pass < 20 && registry.get(Ref.api("cons-b")).isPresent(); pass++) {
      given().post("/api/v1/apis/cons-b/reconcile?wait=true");
    }
    assertTrue(registry.get(Ref.api("cons-b")).isEmpty(), "the API is removed");
    assertTrue(tagged("cons-b").isEmpty(), "the API's keys go with it");
    assertEquals(
        0,
        apiGateway.getUsagePlans(b -> b.limit(500)).items().stream()
            .filter(p -> "cons-b".equals(p.tags().get("dynagate:api")))
            .count());
    assertTrue(registry.get(Ref.consumer("cons-b", "buyer-b")).isEmpty());
  }

  @Test
  void fiftyRacingRegistrationsOfOneTeamMakeOneKey() throws Exception {
    keyedApi("cons_c", "cons-c");
    Teams.create("buyer-c");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Integer>> tries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tries.add(
          pool.submit(
              () ->
                  Teams.asAdmin()
                      .body(plan("buyer-c"))
                      .post("/api/v1/apis/cons-c/consumers")
                      .statusCode()));
    }
    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> attempt : tries) {
      codes.add(attempt.get());
    }
    pool.shutdown();
    assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
    assertEquals(49, codes.stream().filter(c -> c == 409).count(), codes.toString());
    assertEquals(1, tagged("cons-c").size());
  }

  @Test
  void onlyTheOwnerOrAnAdminRegistersAndBadInputIsRefusedFieldByField() {
    keyedApi("cons_d", "cons-d");
    Teams.create("outsider");
    Teams.Issued outsider = Teams.issue("outsider");
    Teams.as(outsider)
        .body(plan("outsider"))
        .post("/api/v1/apis/cons-d/consumers")
        .then()
        .statusCode(403);
    given()
        .body(plan("no-such-team"))
        .post("/api/v1/apis/cons-d/consumers")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("team"));
    given()
        .body(
            "{\"team\":\"Bad\\\"}\",\"rateLimit\":-1,\"burstLimit\":0,\"quotaLimit\":0,"
                + "\"quotaPeriod\":\"YEAR\"}")
        .post("/api/v1/apis/cons-d/consumers")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            hasItems("team", "rateLimit", "burstLimit", "quotaLimit", "quotaPeriod"));
    given()
        .body(plan("outsider"))
        .post("/api/v1/apis/no-such-api/consumers")
        .then()
        .statusCode(404);
    given().get("/api/v1/apis/cons-d/consumers").then().body("items.size()", equalTo(0));
    given().get("/api/v1/apis/cons-d/plan").then().body("publicRoutes.size()", equalTo(0));
    given().body("{\"stage\":\"dev\"}").put("/api/v1/apis/cons-open").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"cons_d\"}")
        .put("/api/v1/apis/cons-open/routes/get-user")
        .then()
        .statusCode(201);
    given()
        .get("/api/v1/apis/cons-open/plan")
        .then()
        .statusCode(200)
        .body("publicRoutes", hasItems("get-user"));
    assertTrue(tagged("cons-d").isEmpty());
  }

  @Test
  void aRoutesOwnThrottlingBecomesAStageMethodSettingSetOnlyWhenItDiffers() throws Exception {
    given()
        .body(Seed.usersTableNamed("cons_t"))
        .put("/api/v1/tables/cons_t")
        .then()
        .statusCode(201);
    given()
        .body(
            "{\"stage\":\"dev\",\"access\":{\"authorization\":\"API_KEY\",\"routes\":"
                + "{\"get-user\":{\"throttling\":{\"rateLimit\":5,\"burstLimit\":10}}}}}")
        .put("/api/v1/apis/cons-t")
        .then()
        .statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"cons_t\"}")
        .put("/api/v1/apis/cons-t/routes/get-user")
        .then()
        .statusCode(201);
    reconcile("cons-t");
    String apiId = given().get("/api/v1/apis/cons-t").then().extract().path("status.restApiId");
    var setting =
        apiGateway
            .getStage(b -> b.restApiId(apiId).stageName("dev"))
            .methodSettings()
            .get("users/{userId}/GET");
    assertEquals(5.0, setting.throttlingRateLimit());
    assertEquals(10, setting.throttlingBurstLimit());
    resetCalls();
    reconcile("cons-t");
    assertEquals(List.of(), mutatingCalls(), "an unchanged pass mutates nothing");
  }

  private static String plan(String team) {
    return "{\"team\":\""
        + team
        + "\",\"rateLimit\":50,\"burstLimit\":20,\"quotaLimit\":1000,\"quotaPeriod\":\"DAY\"}";
  }

  private static String keyedApi(String table, String api) {
    given().body(Seed.usersTableNamed(table)).put("/api/v1/tables/" + table).then().statusCode(201);
    given()
        .body("{\"stage\":\"dev\",\"access\":{\"authorization\":\"API_KEY\"}}")
        .put("/api/v1/apis/" + api)
        .then()
        .statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"" + table + "\"}")
        .put("/api/v1/apis/" + api + "/routes/get-user")
        .then()
        .statusCode(201);
    return reconcile(api);
  }

  private static String reconcile(String api) {
    return given()
        .post("/api/v1/apis/" + api + "/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Ready"))
        .extract()
        .path("status.invokeUrl");
  }

  private List<String> tagged(String api) {
    return apiGateway.getApiKeys(b -> b.limit(500)).items().stream()
        .filter(k -> api.equals(k.tags().get("dynagate:api")))
        .map(k -> k.id())
        .toList();
  }

  private void resetCalls() throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(engine.emulatorEndpoint().resolve("/_emulator/calls"))
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> mutatingCalls() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(engine.emulatorEndpoint().resolve("/_emulator/calls"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode counts = JSON.readTree(answer.body());
    List<String> mutating = new ArrayList<>();
    for (Iterator<String> names = counts.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String operation = name.substring(name.indexOf(':') + 1);
      if (name.startsWith("apigateway:")
          && !operation.startsWith("Get")
          && !operation.startsWith("List")) {
        mutating.add(name);
      }
    }
    return mutating;
  }

  private static HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (key != null) {
      request.header("x-api-key", key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
