package io.dynagate.render;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.SortKeyCondition;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.AttributeDefinition;
import io.dynagate.declaration.TableSpec.GlobalSecondaryIndex;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.declaration.TableSpec.Projection;
import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import java.util.List;
import java.util.Map;

/** Declarations shared by the render tests. */
final class Fixtures {

  private Fixtures() {}

  static final Map<String, ValueType> USER_SCHEMA =
      Map.of(
          "age", new Scalar("N"),
          "active", new Scalar("BOOL"),
          "tags", new Scalar("SS"),
          "scores", new Scalar("NS"),
          "avatar", new Scalar("B"),
          "gone", new Scalar("NULL"),
          "history", new ListOf(new MapOf(Map.of("at", new Scalar("N"), "what", new Scalar("S")))),
          "profile",
              new MapOf(Map.of("name", new Scalar("S"), "langs", new ListOf(new Scalar("S")))),
          "extra", new Scalar("M"));

  static TableSpec users() {
    return table(
        "users",
        List.of(def("userId", AttributeType.S)),
        List.of(key("userId", KeyType.HASH)),
        null,
        USER_SCHEMA);
  }

  /** Hash and range, numeric range, a GSI on status. */
  static TableSpec orders() {
    GlobalSecondaryIndex byStatus =
        new GlobalSecondaryIndex(
            "byStatus",
            List.of(key("status", KeyType.HASH), key("createdAt", KeyType.RANGE)),
            new Projection("ALL", null),
            null);
    return table(
        "orders",
        List.of(
            def("customerId", AttributeType.S),
            def("createdAt", AttributeType.N),
            def("status", AttributeType.S)),
        List.of(key("customerId", KeyType.HASH), key("createdAt", KeyType.RANGE)),
        List.of(byStatus),
        null);
  }

  /** A string sort key, for BEGINS_WITH. */
  static TableSpec events() {
    return table(
        "events",
        List.of(def("tenant", AttributeType.S), def("eventId", AttributeType.S)),
        List.of(key("tenant", KeyType.HASH), key("eventId", KeyType.RANGE)),
        null,
        null);
  }

  static TableSpec files() {
    return table(
        "files",
        List.of(def("fileId", AttributeType.B)),
        List.of(key("fileId", KeyType.HASH)),
        null,
        null);
  }

  static TableSpec table(
      String name,
      List<AttributeDefinition> definitions,
      List<KeySchemaElement> keys,
      List<GlobalSecondaryIndex> gsis,
      Map<String, ValueType> schema) {
    return new TableSpec(name, definitions, keys, "PAY_PER_REQUEST", null, gsis, schema, null);
  }

  static AttributeDefinition def(String name, AttributeType type) {
    return new AttributeDefinition(name, type);
  }

  static KeySchemaElement key(String name, KeyType type) {
    return new KeySchemaElement(name, type);
  }

  static RouteSpec getItem(String path, String table, Map<String, String> key) {
    return new RouteSpec(
        "GET", path, table, Action.GetItem, key, null, null, null, null, null, null);
  }

  static RouteSpec query(String path, String table, String index, SortKeyCondition sortKey) {
    return new RouteSpec(
        "GET", path, table, Action.Query, Map.of(), index, null, null, sortKey, 20, 100);
  }

  static SortKeyCondition sort(Condition condition, String... sources) {
    return condition == Condition.BETWEEN
        ? new SortKeyCondition(condition, null, List.of(sources))
        : new SortKeyCondition(condition, sources[0], null);
  }

  static ApiDeclaration api(ApiSpec spec, List<ApiDeclaration.NamedRoute> routes) {
    return new ApiDeclaration(
        "shop",
        spec,
        routes,
        Map.of("users", users(), "orders", orders(), "events", events(), "files", files()),
        "eu-west-1",
        "123456789012",
        "dynagate-shop");
  }

  static ApiDeclaration api(RouteSpec route) {
    return api(
        new ApiSpec(null, null, null, null, null, null),
        List.of(new ApiDeclaration.NamedRoute("route", route)));
  }
}
