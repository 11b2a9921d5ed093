package io.dynagate.emulator.dataplane;

import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.AttributeDefinition;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiDeclaration.NamedRoute;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table keyed by {@code userId} (a string), made on dynalite and declared for the renderer, with
 * GetItem routes on it: what the data-plane tests deploy when they test the renderer's output.
 */
record UsersTable(String name) {

  /** Makes the table, waits for it, and puts the items. */
  UsersTable create(DynamoDbClient dynamo, List<Map<String, AttributeValue>> items) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("userId").attributeType("S"))
                .keySchema(k -> k.attributeName("userId").keyType("HASH")));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    items.forEach(item -> dynamo.putItem(b -> b.tableName(name).item(item)));
    return this;
  }

  /** A GetItem route on the table, the key from the path's {@code {userId}}. */
  RouteSpec getItem(String path) {
    return new RouteSpec(
        "GET", path, name, RouteSpec.Action.GetItem, Map.of(), null, null, null, null, null, null);
  }

  /** The API {@code api} of these routes on the table, in the emulator's account and region. */
  ApiDeclaration api(String api, ApiSpec spec, List<NamedRoute> routes, DynagateConfig config) {
    TableSpec table =
        new TableSpec(
            name,
            List.of(new AttributeDefinition("userId", AttributeType.S)),
            List.of(new KeySchemaElement("userId", KeyType.HASH)),
            "PAY_PER_REQUEST",
            null,
            null,
            null,
            null);
    return new ApiDeclaration(
        api,
        spec,
        routes,
        Map.of(name, table),
        config.emulator().region(),
        config.emulator().accountId(),
        "dynagate-" + api);
  }
}
