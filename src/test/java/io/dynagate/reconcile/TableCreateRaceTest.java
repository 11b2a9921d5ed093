package io.dynagate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.TableSpec;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two passes that both found a table missing (the table's own and an API's that reads it) both
 * create it; the one that loses adopts the table the other made, on the real engine, and only when
 * it is Dynagate's table of the same owner.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class TableCreateRaceTest {

  @Inject TableDependent tables;
  @Inject TablePort port;

  private static TableSpec table(String name) {
    return new TableSpec(
        name,
        List.of(new TableSpec.AttributeDefinition("id", AttributeType.S)),
        List.of(new TableSpec.KeySchemaElement("id", KeyType.HASH)),
        "PAY_PER_REQUEST",
        null,
        null,
        null,
        null);
  }

  private Result create(TableSpec spec, String owner) {
    return tables.create(
        Decision.create(
            "table " + spec.tableName(), new Change.CreateTable(spec, TablePort.ownerTags(owner))),
        null);
  }

  @Test
  void theLoserAdoptsItsOwnersTable() {
    TableSpec spec = table("race-adopted");
    Result first = create(spec, "team-a");
    Result second = create(spec, "team-a");

    assertEquals(Outcome.CREATED, first.outcome());
    assertEquals(Outcome.UNCHANGED, second.outcome());
    assertEquals(first.id(), second.id());
  }

  @Test
  void anotherOwnersTableIsNotAdopted() {
    TableSpec spec = table("race-foreign");
    create(spec, "team-a");

    AwsFailure refused = assertThrows(AwsFailure.class, () -> create(spec, "team-b"));
    assertEquals(AwsFailure.Kind.CONFLICT, refused.kind());
  }
}
