package io.dynagate.api;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.store.Status;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the management API's answers, for its OpenAPI document only. The resources answer
 * {@link Envelope}, whose {@code spec} is the declaration as stored; these records say which spec
 * each kind carries, so that the document names every field.
 */
final class Schemas {

  private Schemas() {}

  @Schema(name = "Table", description = "A table declaration and what the reconciler observed")
  record Table(String name, String owner, long version, TableSpec spec, Status status) {}

  @Schema(name = "Api", description = "A REST API declaration and its live state")
  record Api(String name, String owner, long version, ApiSpec spec, Status status) {}

  @Schema(name = "Route", description = "A route declaration; its status is its API's")
  record Route(String name, String owner, long version, RouteSpec spec, Status status) {}

  @Schema(name = "TableList")
  record TableList(List<Table> items, String nextCursor) {}

  @Schema(name = "ApiList")
  record ApiList(List<Api> items, String nextCursor) {}

  @Schema(name = "RouteList")
  record RouteList(List<Route> items, String nextCursor) {}
}
