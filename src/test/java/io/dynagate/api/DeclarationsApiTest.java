package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class DeclarationsApiTest {

  @Test
  void theSeedsTableJsonIsAcceptedVerbatimByPost() {
    given()
        .body(Seed.usersTable())
        .contentType(ContentType.JSON)
        .post("/api/v1/tables")
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("name", equalTo("users"))
        .body("version", equalTo(1))
        .body("spec.TableName", equalTo("users"))
        .body("spec.KeySchema[0].AttributeName", equalTo("userId"))
        .body("spec.ProvisionedThroughput.ReadCapacityUnits", equalTo(5))
        .body("status.phase", notNullValue());
  }

  @Test
  void theSeedsTableJsonIsAcceptedVerbatimByPut() {
    String seed = Seed.usersTableNamed("users-put");
    given().body(seed).put("/api/v1/tables/users-put").then().statusCode(201);
    given()
        .body(seed)
        .put("/api/v1/tables/users-put")
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    given()
        .get("/api/v1/tables/users-put")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("spec.AttributeDefinitions[0].AttributeType", equalTo("S"));
  }

  @Test
  void apisAndRoutesAreDeclaredReadListedAndRemoved() {
    given()
        .body(Seed.usersTableNamed("crud-users"))
        .put("/api/v1/tables/crud-users")
        .then()
        .statusCode(201);
    given()
        .body("{\"description\": \"user lookups\"}")
        .put("/api/v1/apis/crud")
        .then()
        .statusCode(201)
        .body("spec.description", equalTo("user lookups"))
        .body("status.phase", equalTo("Pending"));
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"crud-users\"}")
        .put("/api/v1/apis/crud/routes/get-user")
        .then()
        .statusCode(201)
        .body("spec.path", equalTo("/users/{userId}"));
    given()
        .get("/api/v1/apis/crud/routes")
        .then()
        .statusCode(200)
        .body("items.name", hasItem("get-user"));
    given().get("/api/v1/apis").then().statusCode(200).body("items.name", hasItem("crud"));

    given()
        .delete("/api/v1/tables/crud-users")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given().delete("/api/v1/apis/crud/routes/get-user").then().statusCode(204);
    given()
        .get("/api/v1/apis/crud/routes/get-user")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().delete("/api/v1/tables/crud-users").then().statusCode(204);
    given().get("/api/v1/tables/crud-users").then().statusCode(404);
  }

  @Test
  void twoRoutesWithTheSameMethodAndPathConflict() {
    given()
        .body(Seed.usersTableNamed("dup-users"))
        .put("/api/v1/tables/dup-users")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/dup").then().statusCode(201);
    String route = "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"dup-users\"}";
    given().body(route).put("/api/v1/apis/dup/routes/one").then().statusCode(201);
    given()
        .body(route)
        .put("/api/v1/apis/dup/routes/two")
        .then()
        .statusCode(409)
        .body("detail", equalTo("route one already serves GET /users/{userId}"));
    given().get("/api/v1/apis/dup/routes/two").then().statusCode(404);
  }

  @Test
  void ifMatchLetsOneOfTwoConcurrentUpdatesWin() throws Exception {
    given().body("{\"description\":\"v1\"}").put("/api/v1/apis/race").then().statusCode(201);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> updates = new ArrayList<>();
    for (String description : List.of("left", "right")) {
      updates.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return given()
                    .header("If-Match", "\"1\"")
                    .body("{\"description\":\"" + description + "\"}")
                    .put("/api/v1/apis/race")
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = updates.stream().map(CompletableFuture::join).sorted().toList();
    assertEquals(List.of(200, 412), statuses);
    String winner =
        given()
            .get("/api/v1/apis/race")
            .then()
            .statusCode(200)
            .body("version", equalTo(2))
            .extract()
            .path("spec.description");
    org.junit.jupiter.api.Assertions.assertTrue(List.of("left", "right").contains(winner));
  }

  @Test
  void aStaleIfMatchIsRefusedAndChangesNothing() {
    given().body("{\"description\":\"first\"}").put("/api/v1/apis/stale").then().statusCode(201);
    given()
        .header("If-Match", "\"1\"")
        .body("{\"description\":\"second\"}")
        .put("/api/v1/apis/stale")
        .then()
        .statusCode(200);
    given()
        .header("If-Match", "\"1\"")
        .body("{\"description\":\"third\"}")
        .put("/api/v1/apis/stale")
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    given().get("/api/v1/apis/stale").then().body("spec.description", equalTo("second"));
  }

  @Test
  void listsArePaginatedWithAnOpaqueCursor() {
    for (int i = 0; i < 5; i++) {
      given()
          .body(Seed.usersTableNamed("page-" + i))
          .put("/api/v1/tables/page-" + i)
          .then()
          .statusCode(201);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = given().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page =
          request
              .get("/api/v1/tables")
              .then()
              .statusCode(200)
              .body(
                  "items",
                  org.hamcrest.Matchers.hasSize(org.hamcrest.Matchers.lessThanOrEqualTo(2)))
              .extract();
      seen.addAll(page.path("items.name"));
      cursor = page.path("nextCursor");
    } while (cursor != null);
    org.hamcrest.MatcherAssert.assertThat(
        seen, org.hamcrest.Matchers.hasItems("page-0", "page-1", "page-2", "page-3", "page-4"));
    assertEquals(seen.size(), seen.stream().distinct().count());
    given().queryParam("cursor", "%%%").get("/api/v1/tables").then().statusCode(400);
  }

  @Test
  void aRemovedApiIsMarkedDeleting() {
    given().body("{}").put("/api/v1/apis/gone").then().statusCode(201);
    given()
        .delete("/api/v1/apis/gone")
        .then()
        .statusCode(202)
        .body("status.phase", equalTo("Deleting"));
    given().delete("/api/v1/apis/never-declared").then().statusCode(404);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
