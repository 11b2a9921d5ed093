package io.dynagate.declaration;

import io.dynagate.declaration.RequestSource.Location;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.SortKeyCondition;
import io.dynagate.declaration.RouteSpec.SortKeyCondition.Condition;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What makes a route declaration valid, given the tables it may use. */
public final class RouteRules {

  private static final int MAX_PROJECTION = 100;

  private RouteRules() {}

  public static List<Violation> validate(
      String name, RouteSpec spec, Function<String, Optional<TableSpec>> tables) {
    List<Violation> out = new ArrayList<>();
    if (!Names.isSlug(name)) {
      out.add(Violation.of("name", "must be 1 to 64 of a-z, 0-9 and '-'"));
    }
    checkMethod(spec, out);
    PathTemplate.Result path = PathTemplate.parse(spec.path());
    if (path.template().isEmpty()) {
      out.add(Violation.of("path", path.error()));
    }
    checkProjection(spec, out);
    checkLimits(spec, out);
    out.addAll(TemplateRules.validate(spec));
    if (spec.table() == null) {
      out.add(Violation.of("table", "is required: the name of a declared table"));
      return out;
    }
    Optional<TableSpec> table = tables.apply(spec.table());
    if (table.isEmpty()) {
      out.add(Violation.of("table", "table " + spec.table() + " is not declared"));
      return out;
    }
    Optional<List<KeySchemaElement>> keys = table.get().keySchemaOf(spec.index());
    if (keys.isEmpty()) {
      out.add(Violation.of("index", "table " + spec.table() + " has no index " + spec.index()));
      return out;
    }
    if (spec.index() != null && spec.actionOrDefault() == Action.GetItem) {
      out.add(Violation.of("index", "GetItem reads the table's key; use action Query on an index"));
    }
    if (spec.index() != null && spec.consistentReadOrDefault()) {
      out.add(
          Violation.of(
              "consistentRead", "global secondary indexes do not support consistent reads"));
    }
    path.template().ifPresent(p -> checkKey(spec, keys.get(), p, out));
    WriteRules.check(spec, table.get(), out);
    return out;
  }

  private static void checkMethod(RouteSpec spec, List<Violation> out) {
    List<String> methods = WriteRules.methodsOf(spec.actionOrDefault());
    if (spec.method() == null) {
      out.add(Violation.of("method", "is required: " + String.join(" or ", methods)));
    } else if (!methods.contains(spec.method())) {
      out.add(
          Violation.of(
              "method", spec.actionOrDefault() + " routes answer " + String.join(" or ", methods)));
    }
  }

  /**
   * The request source of each key attribute the route binds: for GetItem the whole key, for Query
   * the partition key. An attribute without an entry in {@code key} reads the path parameter of the
   * same name.
   */
  public static Map<String, RequestSource> keySources(RouteSpec spec, List<KeySchemaElement> keys) {
    Map<String, RequestSource> sources = new LinkedHashMap<>();
    for (KeySchemaElement key : keys) {
      if (spec.actionOrDefault() == Action.Query && key.keyType() == KeyType.RANGE) {
        continue;
      }
      String declared = spec.key().get(key.attributeName());
      Optional<RequestSource> source =
          declared == null
              ? Optional.of(new RequestSource(Location.path, key.attributeName()))
              : RequestSource.parse(declared);
      source.ifPresent(s -> sources.put(key.attributeName(), s));
    }
    return sources;
  }

  private static void checkKey(
      RouteSpec spec, List<KeySchemaElement> keys, PathTemplate path, List<Violation> out) {
    List<String> keyNames = keys.stream().map(KeySchemaElement::attributeName).toList();
    Optional<KeySchemaElement> range =
        keys.stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst();
    boolean query = spec.actionOrDefault() == Action.Query;
    spec.key()
        .forEach(
            (attribute, source) -> {
              String at = "key." + attribute;
              if (!keyNames.contains(attribute)) {
                out.add(Violation.of(at, attribute + " is not a key attribute of " + where(spec)));
              } else if (query
                  && range.isPresent()
                  && range.get().attributeName().equals(attribute)) {
                out.add(Violation.of(at, "a Query binds its sort key through sortKey"));
              } else if (RequestSource.parse(source).isEmpty()) {
                out.add(Violation.of(at, "must be path.NAME, query.NAME or header.NAME"));
              }
            });
    keySources(spec, keys)
        .forEach(
            (attribute, source) -> {
              if (source.location() == Location.path
                  && !path.parameters().contains(source.name())) {
                String at = spec.key().containsKey(attribute) ? "key." + attribute : "key";
                out.add(
                    Violation.of(
                        at,
                        "key attribute "
                            + attribute
                            + " is bound to path parameter {"
                            + source.name()
                            + "}, which is not in the path "
                            + path.text()));
              }
            });
    checkSortKey(spec, range, path, out);
  }

  private static void checkSortKey(
      RouteSpec spec, Optional<KeySchemaElement> range, PathTemplate path, List<Violation> out) {
    SortKeyCondition sortKey = spec.sortKey();
    if (sortKey == null) {
      return;
    }
    if (spec.actionOrDefault() != Action.Query) {
      out.add(Violation.of("sortKey", "only a Query has a sort-key condition"));
      return;
    }
    if (range.isEmpty()) {
      out.add(Violation.of("sortKey", where(spec) + " has no sort key"));
      return;
    }
    if (sortKey.condition() == null) {
      out.add(
          Violation.of(
              "sortKey.condition", "is required: EQ, LT, LE, GT, GE, BEGINS_WITH or BETWEEN"));
      return;
    }
    boolean between = sortKey.condition() == Condition.BETWEEN;
    String field = between ? "sortKey.values" : "sortKey.value";
    List<String> sources = sortKey.sources();
    if (sources.size() != (between ? 2 : 1)) {
      out.add(Violation.of(field, between ? "BETWEEN needs two sources in values" : "is required"));
      return;
    }
    if (between ? sortKey.value() != null : sortKey.values() != null) {
      out.add(
          Violation.of(
              between ? "sortKey.value" : "sortKey.values",
              between ? "BETWEEN takes values" : "only BETWEEN takes values"));
    }
    for (String text : sources) {
      Optional<RequestSource> source = RequestSource.parse(text);
      if (source.isEmpty()) {
        out.add(Violation.of(field, "must be path.NAME, query.NAME or header.NAME"));
      } else if (source.get().location() == Location.path
          && !path.parameters().contains(source.get().name())) {
        out.add(
            Violation.of(field, "path parameter {" + source.get().name() + "} is not in the path"));
      }
    }
  }

  private static void checkProjection(RouteSpec spec, List<Violation> out) {
    if (spec.projection() == null) {
      return;
    }
    if (spec.projection().isEmpty() || spec.projection().size() > MAX_PROJECTION) {
      out.add(Violation.of("projection", "must name 1 to " + MAX_PROJECTION + " attributes"));
    }
    for (int i = 0; i < spec.projection().size(); i++) {
      if (!Names.isAttributeName(spec.projection().get(i))) {
        out.add(
            Violation.of(
                "projection[" + i + "]",
                "must be an attribute name (1 to 255 characters, no control characters)"));
      }
    }
  }

  private static void checkLimits(RouteSpec spec, List<Violation> out) {
    boolean query = spec.actionOrDefault() == Action.Query;
    if (!query && (spec.limit() != null || spec.maxLimit() != null)) {
      out.add(Violation.of(spec.limit() != null ? "limit" : "maxLimit", "only a Query has limits"));
      return;
    }
    if (spec.maxLimit() != null && (spec.maxLimit() < 1 || spec.maxLimit() > RouteSpec.LIMIT_CAP)) {
      out.add(Violation.of("maxLimit", "must be between 1 and " + RouteSpec.LIMIT_CAP));
    }
    if (spec.limit() != null && (spec.limit() < 1 || spec.limit() > spec.maxLimitOrDefault())) {
      out.add(
          Violation.of(
              "limit", "must be between 1 and maxLimit (" + spec.maxLimitOrDefault() + ")"));
    }
  }

  private static String where(RouteSpec spec) {
    return spec.index() == null ? "table " + spec.table() : "index " + spec.index();
  }
}
