package io.dynagate.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A team's desired state in one document: tables by name (each a CreateTable request), APIs by name
 * (each its spec and its routes by name). The same shape is applied and exported:
 *
 * <pre>
 * tables:
 *   users: {TableName: users, KeySchema: [...], ...}
 * apis:
 *   users:
 *     spec: {stage: dev}
 *     routes:
 *       get-user: {method: GET, path: /users/{userId}, table: users}
 * </pre>
 */
public record Bundle(Map<String, JsonNode> tables, Map<String, Api> apis) {

  public Bundle {
    tables = tables == null ? Map.of() : new LinkedHashMap<>(tables);
    apis = apis == null ? Map.of() : new LinkedHashMap<>(apis);
  }

  /** One API of a bundle: its spec and its routes. */
  public record Api(JsonNode spec, Map<String, JsonNode> routes) {
    public Api {
      routes = routes == null ? Map.of() : new LinkedHashMap<>(routes);
    }
  }
}
