package io.dynagate.auth;

import static io.restassured.RestAssured.given;

import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Seed;
import io.dynagate.support.Teams;
import io.dynagate.support.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: no token, a bad one, a revoked one, the owning team
 * A, another team B, and admin. Resources belong to team A; a call that removes or creates
 * something works on a resource of its own per caller, so that the cases do not depend on order.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@OwnTokens
class AccessMatrixTest {

  enum Who {
    NONE,
    BAD,
    REVOKED,
    A,
    B,
    ADMIN
  }

  private static final String A = "mx-a";
  private static final String B = "mx-b";
  private static final String ROUTE =
      "{\"method\":\"GET\",\"path\":\"/u/{userId}\",\"table\":\"mx-a-t\"}";
  private static final Map<Who, String> BEARERS = new EnumMap<>(Who.class);
  private static final Map<Who, String> REVOCABLE = new EnumMap<>(Who.class);

  // Once per class, but in @BeforeEach: Quarkus tells RestAssured its port only before each test.
  @BeforeEach
  void teamAOwnsEverything() {
    if (!BEARERS.isEmpty()) {
      return;
    }
    Teams.create(A);
    Teams.create(B);
    Teams.Issued a = Teams.issue(A);
    Teams.Issued revoked = Teams.issue(A);
    Teams.revoke(A, revoked);
    BEARERS.put(Who.BAD, "Bearer dg_0123456789abcdef_not-a-secret");
    BEARERS.put(Who.REVOKED, revoked.bearer());
    BEARERS.put(Who.A, a.bearer());
    BEARERS.put(Who.B, Teams.issue(B).bearer());
    BEARERS.put(Who.ADMIN, "Bearer " + TestAuth.adminToken());
    as(a).body(Seed.usersTableNamed("mx-a-t")).put("/api/v1/tables/mx-a-t").then().statusCode(201);
    as(a).body("{}").put("/api/v1/apis/mx-a-api").then().statusCode(201);
    as(a).body(ROUTE).put("/api/v1/apis/mx-a-api/routes/get").then().statusCode(201);
    for (Who who : Who.values()) {
      String suffix = who.name().toLowerCase();
      as(a)
          .body(Seed.usersTableNamed("mx-del-t-" + suffix))
          .put("/api/v1/tables/mx-del-t-" + suffix)
          .then()
          .statusCode(201);
      as(a).body("{}").put("/api/v1/apis/mx-del-api-" + suffix).then().statusCode(201);
      as(a)
          .body(ROUTE.replace("/u/", "/del-" + suffix + "/"))
          .put("/api/v1/apis/mx-a-api/routes/del-" + suffix)
          .then()
          .statusCode(201);
      REVOCABLE.put(who, Teams.issue(A).id());
    }
  }

  /** One case: the call, and the status each caller gets, in the order of {@link Who}. */
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    String users = Seed.usersTableNamed("mx-a-t");
    // Reads: anyone signed in (other teams may read by default).
    read(cases, "/api/v1/tables");
    read(cases, "/api/v1/tables/mx-a-t");
    read(cases, "/api/v1/apis");
    read(cases, "/api/v1/apis/mx-a-api");
    read(cases, "/api/v1/apis/mx-a-api/routes");
    read(cases, "/api/v1/apis/mx-a-api/routes/get");
    read(cases, "/api/v1/teams");
    read(cases, "/api/v1/audit");
    // Changes to team A's declarations: A and admin only.
    change(cases, "PUT", "/api/v1/tables/mx-a-t", users, 200, 403);
    change(cases, "POST", "/api/v1/tables", users, 200, 403);
    change(cases, "DELETE", "/api/v1/tables/mx-del-t-%s", null, 204, 403);
    change(cases, "PUT", "/api/v1/apis/mx-a-api", "{}", 200, 403);
    change(cases, "DELETE", "/api/v1/apis/mx-del-api-%s", null, 202, 403);
    change(cases, "PUT", "/api/v1/apis/mx-a-api/routes/get", ROUTE, 200, 403);
    change(cases, "DELETE", "/api/v1/apis/mx-a-api/routes/del-%s", null, 204, 403);
    // New declarations: any team, owned by its creator.
    change(cases, "PUT", "/api/v1/tables/mx-new-%s", Seed.usersTableNamed("mx-new-%s"), 201, 201);
    change(cases, "PUT", "/api/v1/apis/mx-new-%s", "{}", 201, 201);
    // Teams and tokens: admins create teams; a team manages its own tokens.
    rows(cases, "POST", "/api/v1/teams", "{\"name\":\"mx-new-%s\"}", 403, 403, 201);
    rows(cases, "GET", "/api/v1/teams/mx-a/tokens", null, 200, 403, 200);
    rows(cases, "POST", "/api/v1/teams/mx-a/tokens", null, 201, 403, 201);
    rows(cases, "DELETE", "/api/v1/teams/mx-a/tokens/{revocable}", null, 204, 403, 204);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} as {3}: {4}")
  @MethodSource("cases")
  void everyCallerGetsItsAnswer(String method, String path, String body, Who who, int expected) {
    String suffix = who.name().toLowerCase();
    RequestSpecification request = given();
    if (BEARERS.containsKey(who)) {
      request.header("Authorization", BEARERS.get(who));
    }
    if (body != null) {
      request.body(body.replace("%s", suffix));
    }
    String target = path.replace("%s", suffix).replace("{revocable}", REVOCABLE.get(who));
    request.request(method, target).then().statusCode(expected);
  }

  private static void read(List<Arguments> cases, String path) {
    rows(cases, "GET", path, null, 200, 200, 200);
  }

  private static void change(
      List<Arguments> cases, String method, String path, String body, int owner, int other) {
    rows(cases, method, path, body, owner, other, owner);
  }

  /** One row per caller; the three unauthenticated ones get 401 whatever the call. */
  private static void rows(
      List<Arguments> cases, String method, String path, String body, int a, int b, int admin) {
    int[] expected = {401, 401, 401, a, b, admin};
    for (Who who : Who.values()) {
      cases.add(Arguments.of(method, path, body, who, expected[who.ordinal()]));
    }
  }

  private static RequestSpecification as(Teams.Issued token) {
    return Teams.as(token);
  }
}
