package io.dynagate.emulator.vtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk over plain property paths answers exactly what Jayway answers for them. */
class PropertyPathTest {

  private static final List<String> DOCUMENTS =
      List.of(
          "{\"Item\":{\"userId\":{\"S\":\"u1\"},\"age\":{\"N\":\"36\"},\"n\":null,"
              + "\"list\":[{\"S\":\"a\"}],\"s\":\"text\",\"0\":{\"x\":1},\"a_b\":2}}",
          "[1,2,{\"Item\":{}}]",
          "\"just text\"",
          "{}");

  private static final List<String> PATHS =
      List.of(
          "$",
          "$.Item",
          "$.Item.userId.S",
          "$.Item.age.N",
          "$.Item.n",
          "$.Item.n.S",
          "$.Item.list",
          "$.Item.list.S",
          "$.Item.s.length",
          "$.Item.0.x",
          "$.Item.a_b",
          "$.Item.missing",
          "$.Item.missing.deeper",
          "$.nothing");

  @Test
  void coversOnlyDollarAndDottedNames() {
    PATHS.forEach(p -> assertTrue(PropertyPath.covers(p), p));
    for (String other :
        List.of(
            "$a", "$.", "$..a", "$.a.", "$.a..b", "$['a']", "$.a[0]", "$.*", "$.a-b", "a", "")) {
      assertFalse(PropertyPath.covers(other), other);
    }
  }

  @Test
  void answersAsJaywayDoes() {
    for (String json : DOCUMENTS) {
      Object document = JsonValues.parse(json);
      for (String path : PATHS) {
        Object jayway = InputVariable.compiled(path).read(document, InputVariable.JSON_PATH);
        assertEquals(jayway, PropertyPath.read(document, path), path + " in " + json);
      }
    }
  }
}
