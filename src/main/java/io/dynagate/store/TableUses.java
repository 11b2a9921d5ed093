package io.dynagate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which routes use which table ({@code uses#TABLE} → {@code API/ROUTE}), so that deleting a used
 * table is refused and a table change reaches the APIs built on it without scanning every route.
 * Written before the route and removed after it, so a crash leaves at most a stale entry, which
 * readers check against the route itself.
 */
@ApplicationScoped
public class TableUses {

  private final DynamoDbClient dynamo;
  private final String table;

  public TableUses(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
  }

  public void add(String tableName, String api, String route) {
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        RegistryTable.PK, AttributeValue.fromS(partition(tableName)),
                        RegistryTable.SK, AttributeValue.fromS(api + "/" + route))));
  }

  public void remove(String tableName, String api, String route) {
    dynamo.deleteItem(
        b ->
            b.tableName(table)
                .key(
                    Map.of(
                        RegistryTable.PK, AttributeValue.fromS(partition(tableName)),
                        RegistryTable.SK, AttributeValue.fromS(api + "/" + route))));
  }

  /** The routes recorded as using a table, as {@code Ref}s. */
  public List<Ref> of(String tableName) {
    return dynamo
        .queryPaginator(
            b ->
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(partition(tableName))))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> item.get(RegistryTable.SK).s())
        .map(
            use ->
                Ref.route(use.substring(0, use.indexOf('/')), use.substring(use.indexOf('/') + 1)))
        .toList();
  }

  private static String partition(String tableName) {
    return "uses#" + tableName;
  }
}
