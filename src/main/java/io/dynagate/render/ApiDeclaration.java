package io.dynagate.render;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything the definition of one API is made from: its validated declarations and where it will
 * live.
 *
 * @param routes the API's routes, any order (the definition sorts them)
 * @param tables at least the tables the routes use, by table name
 * @param roleName the IAM role API Gateway assumes to call DynamoDB (one per API)
 * @param rolePath the role's IAM path, {@code /} or e.g. {@code /dynagate/}
 * @param restApiId the live REST API's id once it exists, else null: the role's trust then names it
 */
public record ApiDeclaration(
    String apiName,
    ApiSpec api,
    List<NamedRoute> routes,
    Map<String, TableSpec> tables,
    String region,
    String accountId,
    String roleName,
    String rolePath,
    String restApiId) {

  /** A declaration whose REST API does not exist yet. */
  public ApiDeclaration(
      String apiName,
      ApiSpec api,
      List<NamedRoute> routes,
      Map<String, TableSpec> tables,
      String region,
      String accountId,
      String roleName,
      String rolePath) {
    this(apiName, api, routes, tables, region, accountId, roleName, rolePath, null);
  }

  /** A declaration whose role sits at IAM's root path. */
  public ApiDeclaration(
      String apiName,
      ApiSpec api,
      List<NamedRoute> routes,
      Map<String, TableSpec> tables,
      String region,
      String accountId,
      String roleName) {
    this(apiName, api, routes, tables, region, accountId, roleName, "/");
  }

  public ApiDeclaration {
    routes = List.copyOf(routes);
    tables = Map.copyOf(tables);
  }

  /** A route and its name (unique within the API). */
  public record NamedRoute(String name, RouteSpec spec) {}

  /** The same declarations, for the REST API {@code id}. */
  public ApiDeclaration withRestApiId(String id) {
    return new ApiDeclaration(
        apiName, api, routes, tables, region, accountId, roleName, rolePath, id);
  }

  /** The ARN partition of the region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
  public String partition() {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  public String roleArn() {
    return "arn:" + partition() + ":iam::" + accountId + ":role" + rolePath + roleName;
  }

  /** Every method of every stage of the REST API, as API Gateway names itself when assuming. */
  public String executeApiArn() {
    return "arn:"
        + partition()
        + ":execute-api:"
        + region
        + ":"
        + accountId
        + ":"
        + restApiId
        + "/*";
  }

  public String tableArn(String tableName) {
    return "arn:" + partition() + ":dynamodb:" + region + ":" + accountId + ":table/" + tableName;
  }

  public TableSpec table(RouteSpec route) {
    TableSpec table = tables.get(route.table());
    if (table == null) {
      throw new IllegalArgumentException("route uses undeclared table " + route.table());
    }
    return table;
  }
}
