package io.dynagate.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How an answer is held against the item it should be: exact, but numbers by value, sets unordered.
 */
class PlainShapeTest {

  private static JsonNode json(String text) throws Exception {
    return StageClient.JSON.readTree(text);
  }

  private static final String ITEM =
      """
      {"id": {"S": "k'\\"\\\\"}, "n": {"N": "1E-130"}, "tags": {"SS": ["b", "a"]},
       "ns": {"NS": ["2", "10"]}, "m": {"M": {"l": {"L": [{"BOOL": true}, {"NULL": true}]}}}}
      """;

  private static Optional<String> check(String answer) throws Exception {
    JsonNode item = json(ITEM);
    return PlainShape.mismatch(item, List.of("id", "n", "tags", "ns", "m"), json(answer));
  }

  @Test
  void theSameItemWrittenAnotherWayMatches() throws Exception {
    assertEquals(
        Optional.empty(),
        check(
            "{\"m\":{\"l\":[true,null]},\"ns\":[10,2.0],\"tags\":[\"a\",\"b\"],"
                + "\"n\":0.0000000000000000000000000000000000000000000000000000000000000000000000000"
                + "000000000000000000000000000000000000000000000000000000001,\"id\":\"k'\\\"\\\\\"}"));
  }

  @Test
  void anyDifferenceIsNamed() throws Exception {
    assertEquals(
        Optional.of("n: expected 1E-130, got 1E-129"),
        check(
            "{\"m\":{\"l\":[true,null]},\"ns\":[10,2],\"tags\":[\"a\",\"b\"],\"n\":1E-129,"
                + "\"id\":\"k'\\\"\\\\\"}"));
    assertEquals(
        Optional.of("m.l[1]: expected null, got false"),
        check(
            "{\"m\":{\"l\":[true,false]},\"ns\":[10,2],\"tags\":[\"a\",\"b\"],\"n\":1E-130,"
                + "\"id\":\"k'\\\"\\\\\"}"));
    assertTrue(check("{\"id\":\"k\"}").orElseThrow().startsWith("attributes [id] where"));
    assertEquals(
        Optional.of("ns: expected [10,2], got [\"2\",\"10\"]"),
        check(
            "{\"m\":{\"l\":[true,null]},\"ns\":[\"2\",\"10\"],\"tags\":[\"a\",\"b\"],"
                + "\"n\":1E-130,\"id\":\"k'\\\"\\\\\"}"));
  }

  @Test
  void aKeyIsFoundAnywhereInAnAnswerOfItsOwnShape() throws Exception {
    JsonNode key = SyntheticValues.string("k/1");
    assertTrue(PlainShape.holds(json("{\"data\":[{\"x\":\"k/1\"}]}"), key));
    assertFalse(PlainShape.holds(json("{\"data\":[{\"x\":\"k/10\"}]}"), key));
    assertTrue(PlainShape.holds(json("[1E+2]"), SyntheticValues.number("100")));
  }
}
