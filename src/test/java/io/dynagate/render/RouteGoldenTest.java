package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The templates of each route kind, as golden files (one per kind, sections per template). */
class RouteGoldenTest {

  static Stream<Arguments> kinds() {
    Stream<Arguments> getItems =
        Stream.of(
            Arguments.of("get-item-hash", Fixtures.getItem("/users/{userId}", "users", Map.of())),
            Arguments.of(
                "get-item-hash-range-query-header",
                Fixtures.getItem(
                    "/orders",
                    "orders",
                    Map.of("customerId", "header.X-Customer", "createdAt", "query.at"))),
            Arguments.of(
                "get-item-projection-consistent",
                new RouteSpec(
                    "GET",
                    "/users/{id}",
                    "users",
                    Action.GetItem,
                    Map.of("userId", "path.id"),
                    null,
                    List.of("age", "profile", "user id"),
                    true,
                    null,
                    null,
                    null)),
            Arguments.of(
                "get-item-binary-key", Fixtures.getItem("/files/{fileId}", "files", Map.of())),
            Arguments.of(
                "query-table-no-sort",
                Fixtures.query("/customers/{customerId}/orders", "orders", null, null)),
            Arguments.of(
                "query-gsi",
                Fixtures.query("/status/{status}/orders", "orders", "byStatus", null)));
    Stream<Arguments> conditions =
        Stream.of(Condition.values())
            .map(
                c ->
                    Arguments.of(
                        "query-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        c == Condition.BEGINS_WITH
                            ? Fixtures.query(
                                "/events/{tenant}",
                                "events",
                                null,
                                Fixtures.sort(c, "query.prefix"))
                            : Fixtures.query(
                                "/customers/{customerId}/orders",
                                "orders",
                                null,
                                Fixtures.sort(c, "query.from", "query.to"))));
    return Stream.concat(getItems, conditions);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void templatesMatchGoldenFiles(String kind, RouteSpec route) {
    Templates t = Templates.of(route);
    String text =
        "## request template (application/json)\n"
            + t.request()
            + "## integration response default -> 200\n"
            + t.success()
            + "## integration response 4\\d{2} -> 400\n"
            + t.clientError()
            + "## integration response 5\\d{2} -> 502\n"
            + t.serverError();
    Golden.assertMatches("routes/" + kind + ".vtl", text);
  }

  static Stream<Arguments> writeKinds() {
    return Stream.of(
        Arguments.of(
            "put-item-create-timestamps",
            RouteSpec.write(
                "POST",
                "/users/{userId}",
                "users",
                Action.PutItem,
                Map.of(),
                null,
                null,
                null,
                null,
                true)),
        Arguments.of(
            "put-item-replace",
            RouteSpec.write(
                "PUT",
                "/users/{userId}",
                "users",
                Action.PutItem,
                Map.of(),
                null,
                null,
                null,
                null,
                null)),
        Arguments.of(
            "put-item-upsert-undeclared-range-key",
            RouteSpec.write(
                "PUT",
                "/orders/{customerId}",
                "orders",
                Action.PutItem,
                Map.of("createdAt", "header.X-Created"),
                RouteSpec.Mode.upsert,
                null,
                true,
                null,
                null)),
        Arguments.of(
            "update-item-version-remove",
            RouteSpec.write(
                "PATCH",
                "/users/{userId}",
                "users",
                Action.UpdateItem,
                Map.of(),
                null,
                "age",
                null,
                true,
                true)),
        Arguments.of(
            "update-item-plain",
            RouteSpec.write(
                "PATCH",
                "/users/{userId}",
                "users",
                Action.UpdateItem,
                Map.of(),
                null,
                null,
                null,
                null,
                null)),
        Arguments.of(
            "delete-item-version",
            RouteSpec.write(
                "DELETE",
                "/files/{fileId}",
                "files",
                Action.DeleteItem,
                Map.of(),
                null,
                "rev",
                null,
                null,
                null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writeKinds")
  void writeTemplatesAndModelsMatchGoldenFiles(String kind, RouteSpec route) {
    Templates t = Templates.of(route);
    ApiDeclaration api = Fixtures.api(route);
    String model =
        route.actionOrDefault() == Action.DeleteItem
            ? "(none: no body)\n"
            : CanonicalJson.write(BodyModel.of(route, api.table(route), "Body"));
    String text =
        "## request model (JSON Schema draft 4)\n"
            + model
            + "## request template (application/json)\n"
            + t.request()
            + "## integration response default -> 200\n"
            + t.success()
            + "## integration response 4\\d{2} -> 400\n"
            + t.clientError()
            + "## integration response 5\\d{2} -> 502\n"
            + t.serverError();
    Golden.assertMatches("routes/" + kind + ".vtl", text);
  }
}
