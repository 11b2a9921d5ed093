package io.dynagate.emulator.vtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ==} and {@code !=} answer as Velocity's own nodes do: each template rendered by the engine
 * beside a plain Velocity runtime with the same settings that concern comparisons.
 */
class ComparisonsTest {

  private static final VtlEngine ENGINE = new VtlEngine();
  private static final String BODY =
      """
      {"Item":{"id":{"S":"7"}},"n":"1.0","i":1,"e":"1e3","t":true,"s":"","l":[1],"z":null}""";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$input.path('$.Item') == ''",
        "$input.path('$.Item') != ''",
        "$input.path('$.Missing') == ''",
        "$input.path('$.n') == 1",
        "$input.path('$.n') == $input.path('$.i')",
        "$input.path('$.e') == 1000",
        "$input.path('$.e') != 1000",
        "$input.path('$.t') == 'true'",
        "$input.path('$.t') == true",
        "$input.path('$.s') == 0",
        "$input.path('$.l') == '[1]'",
        "$input.path('$.l') == 1",
        "$input.path('$.z') == ''",
        "'1.50' == 1.5",
        "'+1' == 1",
        "'1.' == 1",
        "'.5' == 0.5",
        "'1e' == 1",
        "'abc' == 'abc'",
        "'abc' != 'abd'",
        "2 == 2.0",
        "'١' == 1",
      })
  void answerAsVelocitysOwnNodes(String condition) {
    String template = "#if(" + condition + ")yes#{else}no#end";
    VtlInput input = VtlInput.body(BODY);
    String ours = ENGINE.compile(template).render(input, RequestContext.sample("r")).body();
    assertEquals(plainVelocity(template, input), ours, condition);
  }

  /** The same template with Velocity's own comparison nodes. */
  private static String plainVelocity(String source, VtlInput input) {
    RuntimeInstance velocity = new RuntimeInstance();
    velocity.setProperty("directive.if.empty_check", "false");
    velocity.init();
    Template template = new Template();
    template.setName("plain");
    template.setRuntimeServices(velocity);
    try {
      template.setData(velocity.parse(new StringReader(source), template));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
    template.initDocument();
    VelocityContext context = new VelocityContext(Map.of("input", new InputVariable(input)));
    StringWriter out = new StringWriter();
    template.merge(context, out);
    return out.toString();
  }

  @Test
  void textIsParsedExactlyWhenBigDecimalReadsIt() {
    Random random = new Random(17);
    String alphabet = "+-.eE0123456789x ١";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(7);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      BigDecimal expected;
      try {
        expected = new BigDecimal(text.toString());
      } catch (NumberFormatException e) {
        expected = null;
      }
      assertEquals(expected, Comparisons.number(text.toString()), "\"" + text + "\"");
    }
    assertEquals(null, Comparisons.number("1e99999999999"));
  }
}
