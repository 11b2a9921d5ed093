package io.dynagate.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.declaration.TableSpec.AttributeDefinition;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Write options are checked against the action and the table, every violation at once. */
class WriteRulesTest {

  private static final TableSpec NOTES =
      new TableSpec(
          "notes",
          List.of(new AttributeDefinition("noteId", AttributeType.S)),
          List.of(new KeySchemaElement("noteId", KeyType.HASH)),
          "PAY_PER_REQUEST",
          null,
          null,
          Map.of("version", new ValueType.Scalar("N"), "title", new ValueType.Scalar("S")),
          null);

  private static Set<String> fields(RouteSpec spec) {
    return RouteRules.validate("r", spec, name -> Optional.of(NOTES)).stream()
        .map(Violation::field)
        .collect(Collectors.toSet());
  }

  private static RouteSpec write(String method, Action action, Mode mode, String version) {
    return RouteSpec.write(
        method, "/notes/{noteId}", "notes", action, Map.of(), mode, version, null, null, null);
  }

  @Test
  void validWriteRoutesPass() {
    assertEquals(Set.of(), fields(write("POST", Action.PutItem, null, null)));
    assertEquals(Set.of(), fields(write("PUT", Action.PutItem, Mode.upsert, null)));
    assertEquals(Set.of(), fields(write("PATCH", Action.UpdateItem, null, "version")));
    assertEquals(Set.of(), fields(write("DELETE", Action.DeleteItem, null, "version")));
    assertEquals(Mode.create, write("POST", Action.PutItem, null, null).modeOrDefault());
    assertEquals(Mode.replace, write("PUT", Action.PutItem, null, null).modeOrDefault());
  }

  @Test
  void eachActionAnswersItsOwnMethods() {
    assertEquals(Set.of("method"), fields(write("GET", Action.PutItem, null, null)));
    assertEquals(Set.of("method"), fields(write("PUT", Action.UpdateItem, null, null)));
    assertEquals(Set.of("method"), fields(write("POST", Action.DeleteItem, null, null)));
    assertEquals(
        Set.of("method"),
        fields(
            new RouteSpec(
                "DELETE",
                "/notes/{noteId}",
                "notes",
                Action.GetItem,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null)));
  }

  @Test
  void optionsOfOtherActionsAreRefused() {
    assertEquals(Set.of("mode"), fields(write("PATCH", Action.UpdateItem, Mode.create, null)));
    assertEquals(Set.of("versionAttribute"), fields(write("PUT", Action.PutItem, null, "version")));
    RouteSpec read =
        new RouteSpec(
            "GET",
            "/notes/{noteId}",
            "notes",
            Action.GetItem,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            Mode.create,
            "version",
            true,
            true,
            true);
    assertEquals(
        Set.of("mode", "versionAttribute", "allowUndeclared", "allowRemove", "timestamps"),
        fields(read));
    RouteSpec delete =
        RouteSpec.write(
            "DELETE",
            "/notes/{noteId}",
            "notes",
            Action.DeleteItem,
            Map.of(),
            null,
            null,
            true,
            true,
            true);
    assertEquals(Set.of("allowUndeclared", "allowRemove", "timestamps"), fields(delete));
  }

  @Test
  void theVersionIsANumberOutsideTheKey() {
    assertEquals(
        Set.of("versionAttribute"), fields(write("PATCH", Action.UpdateItem, null, "title")));
    assertEquals(
        Set.of("versionAttribute"), fields(write("PATCH", Action.UpdateItem, null, "noteId")));
    assertEquals(
        Set.of("versionAttribute"), fields(write("PATCH", Action.UpdateItem, null, "a\u0000b")));
    assertTrue(fields(write("PATCH", Action.UpdateItem, null, "undeclared")).isEmpty());
  }
}
