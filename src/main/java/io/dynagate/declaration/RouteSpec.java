package io.dynagate.declaration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A route declaration: one HTTP method and path of an API, answered by one DynamoDB action on a
 * declared table (or one of its GSIs).
 *
 * @param key key attribute name to request source: {@code path.X}, {@code query.X} or {@code
 *     header.X}; absent entries default to the path parameter of the same name
 * @param projection attribute names to return (GetItem and Query); all when absent
 * @param limit Query page size when the caller gives no {@code ?limit=} (default 25)
 * @param maxLimit cap on {@code ?limit=} (default and upper bound 1,000)
 * @param mode PutItem only: {@code create} (the key must be absent), {@code replace} (it must
 *     exist) or {@code upsert}; default {@code create} for POST, {@code replace} for PUT
 * @param versionAttribute UpdateItem and DeleteItem: a numeric attribute used for optimistic
 *     locking; the caller sends the version it read in {@code If-Match} (or, for UpdateItem, in the
 *     body)
 * @param allowUndeclared write routes: store attributes the table's AttributeSchema does not
 *     declare
 * @param allowRemove UpdateItem: an attribute given as {@code null} is removed
 * @param timestamps write routes: the server sets {@code createdAt} and {@code updatedAt} (epoch
 *     milliseconds of the request)
 * @param requestTemplate a write route's own VTL request template, replacing the generated one
 * @param responseTemplate the route's own VTL template for DynamoDB's success answer, replacing the
 *     generated one; both are proved by preflight before they go live
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteSpec(
    String method,
    String path,
    String table,
    Action action,
    Map<String, String> key,
    String index,
    List<String> projection,
    Boolean consistentRead,
    SortKeyCondition sortKey,
    Integer limit,
    Integer maxLimit,
    Mode mode,
    String versionAttribute,
    Boolean allowUndeclared,
    Boolean allowRemove,
    Boolean timestamps,
    String requestTemplate,
    String responseTemplate) {

  public static final int DEFAULT_LIMIT = 25;
  public static final int LIMIT_CAP = 1000;

  public RouteSpec {
    key = key == null ? Map.of() : Map.copyOf(key);
    projection = projection == null ? null : List.copyOf(projection);
  }

  /** A route with the generated templates. */
  public RouteSpec(
      String method,
      String path,
      String table,
      Action action,
      Map<String, String> key,
      String index,
      List<String> projection,
      Boolean consistentRead,
      SortKeyCondition sortKey,
      Integer limit,
      Integer maxLimit,
      Mode mode,
      String versionAttribute,
      Boolean allowUndeclared,
      Boolean allowRemove,
      Boolean timestamps) {
    this(
        method,
        path,
        table,
        action,
        key,
        index,
        projection,
        consistentRead,
        sortKey,
        limit,
        maxLimit,
        mode,
        versionAttribute,
        allowUndeclared,
        allowRemove,
        timestamps,
        null,
        null);
  }

  /** A read route (no write options) with the generated templates. */
  public RouteSpec(
      String method,
      String path,
      String table,
      Action action,
      Map<String, String> key,
      String index,
      List<String> projection,
      Boolean consistentRead,
      SortKeyCondition sortKey,
      Integer limit,
      Integer maxLimit) {
    this(
        method,
        path,
        table,
        action,
        key,
        index,
        projection,
        consistentRead,
        sortKey,
        limit,
        maxLimit,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public enum Action {
    GetItem,
    Query,
    PutItem,
    UpdateItem,
    DeleteItem;

    public boolean writes() {
      return this == PutItem || this == UpdateItem || this == DeleteItem;
    }
  }

  /** How a PutItem treats an item that already exists under the key. */
  public enum Mode {
    create,
    replace,
    upsert
  }

  /** A write route with its write options. */
  public static RouteSpec write(
      String method,
      String path,
      String table,
      Action action,
      Map<String, String> key,
      Mode mode,
      String versionAttribute,
      Boolean allowUndeclared,
      Boolean allowRemove,
      Boolean timestamps) {
    return new RouteSpec(
        method,
        path,
        table,
        action,
        key,
        null,
        null,
        null,
        null,
        null,
        null,
        mode,
        versionAttribute,
        allowUndeclared,
        allowRemove,
        timestamps);
  }

  /**
   * Query's sort-key condition; {@code value} (or {@code values} for BETWEEN) are request sources.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SortKeyCondition(Condition condition, String value, List<String> values) {
    public enum Condition {
      EQ,
      LT,
      LE,
      GT,
      GE,
      BEGINS_WITH,
      BETWEEN
    }

    /** The request sources of this condition, in order (one, or two for BETWEEN). */
    public List<String> sources() {
      if (condition == Condition.BETWEEN) {
        return values == null ? List.of() : values;
      }
      return value == null ? List.of() : List.of(value);
    }
  }

  public Action actionOrDefault() {
    return action == null ? Action.GetItem : action;
  }

  public int limitOrDefault() {
    return limit == null ? Math.min(DEFAULT_LIMIT, maxLimitOrDefault()) : limit;
  }

  public int maxLimitOrDefault() {
    return maxLimit == null ? LIMIT_CAP : maxLimit;
  }

  /** PutItem's mode: as declared, else {@code create} for POST and {@code replace} for PUT. */
  public Mode modeOrDefault() {
    if (mode != null) {
      return mode;
    }
    return "POST".equals(method) ? Mode.create : Mode.replace;
  }

  public boolean allowUndeclaredOrDefault() {
    return Boolean.TRUE.equals(allowUndeclared);
  }

  public boolean allowRemoveOrDefault() {
    return Boolean.TRUE.equals(allowRemove);
  }

  public boolean timestampsOrDefault() {
    return Boolean.TRUE.equals(timestamps);
  }

  public boolean consistentReadOrDefault() {
    return Boolean.TRUE.equals(consistentRead);
  }
}
