package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every list of the management API refuses a cursor it did not give out, paged or not: 400 with a
 * field error on {@code cursor}, never a first page as if none had been sent.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ListCursorsTest {

  private static List<String> everyList() {
    given().body(Seed.usersTableNamed("lc-one")).put("/api/v1/tables/lc-one");
    given().body(Seed.usersTableNamed("lc-two")).put("/api/v1/tables/lc-two");
    given().body("{}").put("/api/v1/apis/lc-api");
    given()
        .body("{\"name\":\"lc-team\"}")
        .post("/api/v1/teams"); // 201, or 409 when an earlier test made it
    return List.of(
        "/api/v1/tables",
        "/api/v1/apis",
        "/api/v1/apis/lc-api/routes",
        "/api/v1/apis/lc-api/events",
        "/api/v1/audit",
        "/api/v1/teams",
        "/api/v1/teams/lc-team/tokens");
  }

  @Test
  void garbageAndForeignCursorsAre400OnEveryList() {
    List<String> lists = everyList();
    // a real cursor, of the tables list: every other list must refuse it too
    String tablesCursor =
        given().queryParam("limit", 1).get("/api/v1/tables").then().extract().path("nextCursor");
    assertNotNull(tablesCursor, "two tables make two pages of one");
    List<String> accepted = new ArrayList<>();
    for (String list : lists) {
      given().get(list).then().statusCode(200);
      // (an empty "cursor=" is no cursor at all: the first page, on every list alike)
      for (String cursor :
          new String[] {"garbage", "%00", "AAAA", "..%2F", tampered(tablesCursor), tablesCursor}) {
        if (list.equals("/api/v1/tables") && cursor.equals(tablesCursor)) {
          continue;
        }
        var answer = given().urlEncodingEnabled(false).get(list + "?cursor=" + cursor);
        if (answer.statusCode() != 400
            || !answer.contentType().startsWith("application/problem+json")
            || !"cursor".equals(answer.path("errors[0].field"))) {
          accepted.add(list + "?cursor=" + cursor + " -> " + answer.statusCode());
        }
      }
    }
    assertEquals(List.of(), accepted, "lists that did not refuse a cursor");
    given()
        .queryParam("limit", 1)
        .queryParam("cursor", tablesCursor)
        .get("/api/v1/tables")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1));
  }

  /** The same cursor with one character changed. */
  private static String tampered(String cursor) {
    char[] chars = cursor.toCharArray();
    int middle = chars.length / 2;
    chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
    return new String(chars);
  }
}
