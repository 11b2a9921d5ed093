package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.PathTemplate;
import io.dynagate.declaration.RequestSource;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec.GlobalSecondaryIndex;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.render.ApiDeclaration.NamedRoute;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One route under test: how to ask it for an item or a group, and what it should answer.
 *
 * @param authorization what a caller of the route must bring
 * @param open whether anyone may call it (no authorization, no resource policy): the probes that
 *     call it as a client need that
 * @param resourcePolicy whether the API's resource policy decides who may call it too
 */
record RouteCase(
    NamedRoute route,
    TableFixture fixture,
    Authorization authorization,
    boolean open,
    boolean resourcePolicy) {

  RouteSpec spec() {
    return route.spec();
  }

  String name() {
    return route.name();
  }

  boolean query() {
    return spec().actionOrDefault() == Action.Query;
  }

  boolean isGetItem() {
    return spec().actionOrDefault() == Action.GetItem;
  }

  /** GetItem or Query: the routes the read probes know how to ask. */
  boolean reads() {
    return isGetItem() || query();
  }

  /** A team's own response template: the answer's shape is theirs, only its content is checked. */
  boolean customResponse() {
    return spec().responseTemplate() != null;
  }

  List<KeySchemaElement> keys() {
    return fixture.table().keySchemaOf(spec().index()).orElseThrow();
  }

  String partitionKey() {
    return keys().stream()
        .filter(k -> k.keyType() == KeyType.HASH)
        .findFirst()
        .orElseThrow()
        .attributeName();
  }

  Optional<String> sortKey() {
    return keys().stream()
        .filter(k -> k.keyType() == KeyType.RANGE)
        .findFirst()
        .map(KeySchemaElement::attributeName);
  }

  /** The key attributes a GetItem request carries, with their values in {@code item}. */
  Map<String, JsonNode> itemKey(JsonNode item) {
    Map<String, JsonNode> key = new LinkedHashMap<>();
    fixture
        .table()
        .keySchema()
        .forEach(k -> key.put(k.attributeName(), item.get(k.attributeName())));
    return key;
  }

  /** The attributes of {@code item} the route answers: the index's projection, then the route's. */
  Set<String> visible(JsonNode item) {
    Set<String> names = new LinkedHashSet<>();
    item.fieldNames().forEachRemaining(names::add);
    indexProjection().ifPresent(names::retainAll);
    if (spec().projection() != null) {
      names.retainAll(spec().projection());
    }
    return names;
  }

  private Optional<Set<String>> indexProjection() {
    if (spec().index() == null) {
      return Optional.empty();
    }
    GlobalSecondaryIndex gsi =
        fixture.table().gsis().stream()
            .filter(g -> g.indexName().equals(spec().index()))
            .findFirst()
            .orElseThrow();
    String type = gsi.projection() == null ? "ALL" : gsi.projection().projectionType();
    if (type == null || type.equals("ALL")) {
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>();
    fixture.table().keySchema().forEach(k -> names.add(k.attributeName()));
    gsi.keySchema().forEach(k -> names.add(k.attributeName()));
    if (type.equals("INCLUDE") && gsi.projection().nonKeyAttributes() != null) {
      names.addAll(gsi.projection().nonKeyAttributes());
    }
    return Optional.of(names);
  }

  /** A GetItem request for the item with this key. */
  Request getItem(Map<String, JsonNode> key) {
    Map<RequestSource, String> values = new LinkedHashMap<>();
    RouteRules.keySources(spec(), keys())
        .forEach((attribute, source) -> values.put(source, text(key.get(attribute))));
    return request(values, Map.of());
  }

  /** A Query request for a partition value, the sort-key sources' values and paging parameters. */
  Request query(JsonNode partition, List<JsonNode> sortValues, Map<String, String> paging) {
    Map<RequestSource, String> values = new LinkedHashMap<>();
    RouteRules.keySources(spec(), keys()).values().forEach(s -> values.put(s, text(partition)));
    if (spec().sortKey() != null) {
      Iterator<JsonNode> sort = sortValues.iterator();
      for (String source : spec().sortKey().sources()) {
        values.put(RequestSource.parse(source).orElseThrow(), text(sort.next()));
      }
    }
    return request(values, paging);
  }

  private Request request(Map<RequestSource, String> values, Map<String, String> extraQuery) {
    String path = spec().path();
    List<String> query = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (var entry : values.entrySet()) {
      String name = entry.getKey().name();
      switch (entry.getKey().location()) {
        case path -> path = path.replace("{" + name + "}", encode(entry.getValue()));
        case query -> query.add(encode(name) + "=" + encode(entry.getValue()));
        case header -> headers.put(name, entry.getValue());
      }
    }
    // a path parameter no key is bound to still needs a value to match the resource
    for (String unbound : PathTemplate.parse(spec().path()).template().orElseThrow().parameters()) {
      path = path.replace("{" + unbound + "}", "preflight");
    }
    extraQuery.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
    String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
    return new Request(spec().method(), target, headers);
  }

  /** A key value as text in a request: strings as they are, numbers as written, binary base64. */
  static String text(JsonNode typed) {
    return typed.fields().next().getValue().textValue();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
