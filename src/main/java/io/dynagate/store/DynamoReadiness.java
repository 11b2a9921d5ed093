package io.dynagate.store;

import io.dynagate.config.DynagateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ready when the registry table in DynamoDB answers. */
@Readiness
@ApplicationScoped
public class DynamoReadiness implements HealthCheck {

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoReadiness(DynamoDbClient dynamo, DynagateConfig config) {
    this.dynamo = dynamo;
    this.table = config.registry().table();
  }

  @Override
  public HealthCheckResponse call() {
    try {
      String status = dynamo.describeTable(b -> b.tableName(table)).table().tableStatusAsString();
      return HealthCheckResponse.named("dynamodb")
          .status("ACTIVE".equals(status))
          .withData("registry", status)
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("dynamodb")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
