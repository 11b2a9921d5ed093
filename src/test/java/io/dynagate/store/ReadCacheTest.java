package io.dynagate.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The registry's read cache as callers see it through the management API: never behind this
 * instance's own writes, and catching up with another instance's writes by itself.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ReadCacheTest {

  private static final int WRITERS = 50;

  @Inject DynamoDbClient dynamo;
  @Inject RegistryTable registryTable;

  private static long version(String path) {
    return given().get(path).then().statusCode(200).extract().jsonPath().getLong("version");
  }

  @Test
  void aReadAfterThisInstancesOwnWriteNeverServesAnOlderVersion() throws Exception {
    given().body("{}").put("/api/v1/apis/cache-own").then().statusCode(201);
    version("/api/v1/apis/cache-own"); // the entry is cached now
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<long[]>> tries = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        int n = i;
        tries.add(
            pool.submit(
                () -> {
                  var put =
                      given()
                          .body("{\"description\":\"writer " + n + "\"}")
                          .put("/api/v1/apis/cache-own")
                          .then()
                          .extract();
                  if (put.statusCode() == 409) {
                    // Overtaken by another writer between its read and its conditional write.
                    return null;
                  }
                  assertEquals(200, put.statusCode(), put.asString());
                  long written = put.jsonPath().getLong("version");
                  return new long[] {written, version("/api/v1/apis/cache-own")};
                }));
      }
      long highest = 0;
      int applied = 0;
      for (Future<long[]> attempt : tries) {
        long[] seen = attempt.get();
        if (seen == null) {
          continue;
        }
        assertTrue(seen[1] >= seen[0], () -> "wrote " + seen[0] + ", then read " + seen[1]);
        highest = Math.max(highest, seen[0]);
        applied++;
      }
      assertTrue(applied > 0, "no write applied");
      assertEquals(1 + applied, highest, "every applied write counted once");
      assertEquals(highest, version("/api/v1/apis/cache-own"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDeleteByThisInstanceIsNotServedFromTheCache() {
    given().body(Seed.usersTableNamed("cache-gone")).put("/api/v1/tables/cache-gone");
    version("/api/v1/tables/cache-gone");
    int deleted = given().delete("/api/v1/tables/cache-gone").then().extract().statusCode();
    assertTrue(deleted == 202 || deleted == 204, "delete answered " + deleted);
    // Deleting, or gone: never the declaration as it was before the delete.
    var answer = given().get("/api/v1/tables/cache-gone").then().extract();
    assertTrue(
        answer.statusCode() == 404
            || "Deleting".equals(answer.jsonPath().getString("status.phase")),
        () -> answer.statusCode() + " " + answer.asString());
  }

  @Test
  void anotherInstancesWriteIsSeenOnceTheCacheEntryExpires() throws Exception {
    given().body("{}").put("/api/v1/apis/cache-other").then().statusCode(201);
    long before = version("/api/v1/apis/cache-other");
    // Another instance sharing the registry bumps the version: this one hears nothing of it.
    dynamo.updateItem(
        b ->
            b.tableName(registryTable.name())
                .key(
                    Map.of(
                        RegistryTable.PK,
                        AttributeValue.fromS(Ref.api("cache-other").partition()),
                        RegistryTable.SK,
                        AttributeValue.fromS("cache-other")))
                .updateExpression("SET #v = #v + :one")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    long seen = before;
    // The bound is dynagate.registry.read-cache-ttl (1 s); polled, not timed.
    for (int i = 0; i < 300 && seen == before; i++) {
      Thread.sleep(100);
      seen = version("/api/v1/apis/cache-other");
    }
    assertEquals(before + 1, seen);
  }
}
