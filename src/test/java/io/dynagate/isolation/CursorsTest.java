package io.dynagate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * List cursors are sealed: they reveal no hidden name and only the list that gave them opens them.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(CursorsTest.OwnTeamOnly.class)
@OwnTokens
class CursorsTest {

  public static class OwnTeamOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.auth.read-other-teams", "false");
    }
  }

  private static final List<String> LISTS =
      List.of("/api/v1/tables", "/api/v1/apis", "/api/v1/apis/cur-b-api/routes", "/api/v1/audit");

  private static Teams.Issued a;
  private static Teams.Issued b;

  @BeforeEach
  void twoTeams() {
    if (a == null) {
      Teams.create("cur-a");
      Teams.create("cur-b");
      a = Teams.issue("cur-a");
      b = Teams.issue("cur-b");
      for (String name : List.of("cur-a-secret-1", "cur-a-secret-2", "cur-a-secret-3")) {
        Teams.as(a).body(Seed.usersTableNamed(name)).put("/api/v1/tables/" + name);
      }
      Teams.as(b).body(Seed.usersTableNamed("cur-b-own")).put("/api/v1/tables/cur-b-own");
      Teams.as(b).body("{}").put("/api/v1/apis/cur-b-api").then().statusCode(201);
    }
  }

  @Test
  void aCursorRevealsNoHiddenNameAndPagingStillReachesEveryVisibleOne() {
    List<String> cursors = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = Teams.as(b).queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page = request.get("/api/v1/tables").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.name", String.class));
      cursor = page.getString("nextCursor");
      if (cursor != null) {
        cursors.add(cursor);
      }
    } while (cursor != null);
    assertEquals(List.of("cur-b-own"), seen);
    assertFalse(cursors.isEmpty(), "pages past hidden names carry a cursor");
    Set<Integer> lengths = new HashSet<>();
    for (String c : cursors) {
      lengths.add(c.length());
      String decoded = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.ISO_8859_1);
      assertFalse(decoded.contains("cur-a") || c.contains("cur-a"), "cursor reveals a name: " + c);
    }
    assertEquals(1, lengths.size(), "every cursor is as long, whatever the name: " + lengths);
  }

  @Test
  void aMadeUpTamperedOrForeignCursorIs400OnEveryList() {
    String real =
        Teams.asAdmin()
            .queryParam("limit", 1)
            .get("/api/v1/tables")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    assertNotNull(real);
    char last = real.charAt(10);
    String tampered = real.substring(0, 10) + (last == 'A' ? 'B' : 'A') + real.substring(11);
    String legacy =
        Base64.getUrlEncoder().withoutPadding().encodeToString("cur-a-secret-1".getBytes());
    for (String list : LISTS) {
      for (String bad : List.of("garbage!", "abc", legacy, tampered, real)) {
        if (bad.equals(real) && list.equals("/api/v1/tables")) {
          continue;
        }
        Teams.as(b)
            .queryParam("cursor", bad)
            .get(list)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
      }
    }
    Teams.as(b).queryParam("cursor", real).get("/api/v1/tables").then().statusCode(200);
  }
}
