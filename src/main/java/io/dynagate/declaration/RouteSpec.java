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
        null);
  }

  public enum Action {
    GetItem,
    Query
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

  public boolean consistentReadOrDefault() {
    return Boolean.TRUE.equals(consistentRead);
  }
}
