package io.dynagate.reconcile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Writes in a burst start far fewer passes than writes, yet the last write is always the one the
 * last pass applied: coalescing never drops a change.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class CoalescedTriggersTest {

  private static final int WRITERS = 50;

  @Test
  void aBurstOfTableWritesEndsWithTheLastVersionApplied() throws Exception {
    String table = "coalesced";
    given().body(Seed.usersTableNamed(table)).put("/api/v1/tables/" + table).then().statusCode(201);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<Integer>> writes = new ArrayList<>();
    try {
      for (int i = 0; i < WRITERS; i++) {
        writes.add(
            pool.submit(
                () ->
                    given()
                        .body(Seed.usersTableNamed(table))
                        .put("/api/v1/tables/" + table)
                        .then()
                        .extract()
                        .statusCode()));
      }
      for (Future<Integer> write : writes) {
        int status = write.get();
        assertTrue(status == 200 || status == 409, "a write answered " + status);
      }
    } finally {
      pool.shutdownNow();
    }
    long version = read(table).getLong("version");
    assertTrue(version > 1, "no write of the burst applied");
    // Polled, not timed: the pass after the burst applies the last version.
    JsonPath seen = read(table);
    for (int i = 0; i < 600 && !applied(seen, version); i++) {
      Thread.sleep(100);
      seen = read(table);
    }
    assertEquals(version, seen.getLong("status.observedVersion"), seen.prettify());
    assertEquals("Ready", seen.getString("status.phase"));
  }

  private static boolean applied(JsonPath table, long version) {
    Object observed = table.get("status.observedVersion");
    return observed != null && ((Number) observed).longValue() == version;
  }

  private static JsonPath read(String table) {
    return given().get("/api/v1/tables/" + table).then().statusCode(200).extract().jsonPath();
  }
}
