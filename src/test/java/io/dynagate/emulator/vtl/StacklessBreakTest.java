package io.dynagate.emulator.vtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code #break} stops loops as Velocity's own does, without a stack trace. */
class StacklessBreakTest {

  private static final VtlEngine ENGINE = new VtlEngine();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "#foreach($a in [1..5])$a#if($a==2)#break#end#end|12",
        "#foreach($a in [1..3])#foreach($b in [1..3])$a$b#break#end;#end|11;21;31;",
        "#foreach($a in [1..3])#foreach($b in [1..3])$a$b#break($foreach.parent)#end;#end|11",
        "#foreach($a in [1..3])#if($a==3)#break#end$a#end after|12 after",
        "before#break after|before",
      })
  void stopsTheNearestLoop(String template, String expected) {
    String out =
        ENGINE.compile(template).render(VtlInput.body("{}"), RequestContext.sample("r")).body();
    assertEquals(expected, out);
  }

  @Test
  void theEngineRunsItsOwnBreakWithoutAStackTrace() {
    assertInstanceOf(StacklessBreak.class, ENGINE.directive("break"));
    assertEquals(0, new StacklessBreak.Stop().getStackTrace().length);
  }
}
