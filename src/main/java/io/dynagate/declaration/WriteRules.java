package io.dynagate.declaration;

import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import java.util.List;
import java.util.Map;

/** What makes the write options of a route valid (and keeps them off read routes). */
public final class WriteRules {

  /** The attributes {@code timestamps} sets. */
  public static final String CREATED_AT = "createdAt";

  public static final String UPDATED_AT = "updatedAt";

  private WriteRules() {}

  /** The HTTP methods a route of this action may answer. */
  public static List<String> methodsOf(Action action) {
    return switch (action) {
      case GetItem, Query -> List.of("GET");
      case PutItem -> List.of("POST", "PUT");
      case UpdateItem -> List.of("PATCH");
      case DeleteItem -> List.of("DELETE");
    };
  }

  static void check(RouteSpec spec, TableSpec table, List<Violation> out) {
    Action action = spec.actionOrDefault();
    if (!action.writes()) {
      onlyFor(spec.mode() != null, "mode", "PutItem", out);
      onlyFor(spec.versionAttribute() != null, "versionAttribute", "UpdateItem or DeleteItem", out);
      onlyFor(spec.allowUndeclared() != null, "allowUndeclared", "a write route", out);
      onlyFor(spec.allowRemove() != null, "allowRemove", "UpdateItem", out);
      onlyFor(spec.timestamps() != null, "timestamps", "PutItem or UpdateItem", out);
      return;
    }
    onlyFor(spec.index() != null, "index", "GetItem or Query", out);
    onlyFor(spec.projection() != null, "projection", "GetItem or Query", out);
    onlyFor(spec.consistentRead() != null, "consistentRead", "GetItem or Query", out);
    onlyFor(spec.mode() != null && action != Action.PutItem, "mode", "PutItem", out);
    onlyFor(
        spec.allowRemove() != null && action != Action.UpdateItem,
        "allowRemove",
        "UpdateItem",
        out);
    onlyFor(
        spec.allowUndeclared() != null && action == Action.DeleteItem,
        "allowUndeclared",
        "PutItem or UpdateItem",
        out);
    onlyFor(
        spec.timestamps() != null && action == Action.DeleteItem,
        "timestamps",
        "PutItem or UpdateItem",
        out);
    onlyFor(
        spec.versionAttribute() != null && action == Action.PutItem,
        "versionAttribute",
        "UpdateItem or DeleteItem",
        out);
    checkVersion(spec, table, out);
    if (spec.timestampsOrDefault()) {
      for (String name : List.of(CREATED_AT, UPDATED_AT)) {
        checkServerSet(table, name, "timestamps", out);
      }
    }
  }

  private static void checkVersion(RouteSpec spec, TableSpec table, List<Violation> out) {
    String version = spec.versionAttribute();
    if (version == null) {
      return;
    }
    if (!Names.isAttributeName(version)) {
      out.add(
          Violation.of(
              "versionAttribute",
              "must be an attribute name (1 to 255 characters, no control characters)"));
      return;
    }
    if (spec.timestampsOrDefault() && (version.equals(CREATED_AT) || version.equals(UPDATED_AT))) {
      out.add(Violation.of("versionAttribute", "is set by timestamps"));
      return;
    }
    checkServerSet(table, version, "versionAttribute", out);
  }

  /** An attribute the server writes must be a number and cannot be part of the key. */
  private static void checkServerSet(
      TableSpec table, String name, String field, List<Violation> out) {
    boolean key =
        table.keySchema().stream().map(KeySchemaElement::attributeName).toList().contains(name);
    if (key) {
      out.add(Violation.of(field, name + " is a key attribute of table " + table.tableName()));
      return;
    }
    Map<String, ValueType> schema = table.attributeSchema();
    ValueType declared = schema == null ? null : schema.get(name);
    if (declared != null && !declared.equals(new ValueType.Scalar("N"))) {
      out.add(
          Violation.of(
              field,
              name + " must be declared as N in the AttributeSchema of " + table.tableName()));
    }
  }

  private static void onlyFor(boolean present, String field, String what, List<Violation> out) {
    if (present) {
      out.add(Violation.of(field, "only " + what + " routes take " + field));
    }
  }
}
