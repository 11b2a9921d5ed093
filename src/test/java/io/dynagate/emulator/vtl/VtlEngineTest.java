package io.dynagate.emulator.vtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fact of "VTL as API Gateway runs it", as template in, text out. */
class VtlEngineTest {

  private static final VtlEngine ENGINE = new VtlEngine();

  private static final String BODY =
      """
      {"a":{"b":"x","c":1},"arr":["a","b"],"n":null,"num":42,"t":true,"s":"It's"}""";

  record Case(String name, String template, String body, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, String template, String expected) {
    return new Case(name, template, BODY, expected);
  }

  static Stream<Case> cases() {
    return Stream.of(
        of(
            "params() prints the three maps",
            "$input.params()",
            "{path={id=7}, querystring={q=a b, id=q7}, header={X-Tenant=t1}}"),
        of("params('x') reads path first", "$input.params('id')", "7"),
        of("params('x') reads the query string", "$input.params('q')", "a b"),
        of("params('x') reads headers last", "$input.params('X-Tenant')", "t1"),
        of("params('x') is empty when absent", "[$input.params('nope')]", "[]"),
        of("params().path.get", "$input.params().path.get('id')", "7"),
        of("params().querystring.get", "$input.params().querystring.get('id')", "q7"),
        of("params().header.get", "$input.params().header.get('X-Tenant')", "t1"),
        of("params().header.keySet", "$input.params().header.keySet()", "[X-Tenant]"),
        of("body is the raw payload", "$input.body", BODY),
        new Case("empty body is {}", "$input.body", "", "{}"),
        new Case("missing body is {}", "$input.json('$')", null, "{}"),
        of("json('$.a.b') is JSON text", "$input.json('$.a.b')", "\"x\""),
        of("json('$.a') is compact JSON", "$input.json('$.a')", "{\"b\":\"x\",\"c\":1}"),
        of("json of a missing path is nothing", "[$input.json('$.zz')]", "[]"),
        of("path('$.a.b') is the string", "$input.path('$.a.b')", "x"),
        of("objects print Java-map style", "$input.path('$.a')", "{b=x, c=1}"),
        of("arrays print as JSON", "$input.path('$.arr')", "[\"a\",\"b\"]"),
        of("arrays can be sized", "$input.path('$.arr').size()", "2"),
        of("array index in the path", "$input.path('$.arr[1]')", "b"),
        of("navigate with properties", "$input.path('$').a.b", "x"),
        of("numbers are numbers", "#set($x = $input.path('$.num') + 1)$x", "43"),
        of("booleans print", "$input.path('$.t')", "true"),
        of("a missing path renders as nothing", "[$input.path('$.missing')]", "[]"),
        of("JSON null renders as nothing", "[$input.path('$.n')]", "[]"),
        of("missing equals $null", "#if($input.path('$.missing') == $null)y#{else}n#end", "y"),
        of(
            "missing equals empty string",
            "#if($input.path('$.missing') == \"\")y#{else}n#end",
            "y"),
        of("JSON null equals $null", "#if($input.path('$.n') == $null)y#{else}n#end", "y"),
        of("JSON null equals empty string", "#if($input.path('$.n') == '')y#{else}n#end", "y"),
        of("a present value is not empty", "#if($input.path('$.a.b') == '')y#{else}n#end", "n"),
        of("missing is false in #if", "#if($input.path('$.missing'))y#{else}n#end", "n"),
        of("empty string is true in #if (1.7)", "#set($e = '')#if($e)y#{else}n#end", "y"),
        of("undefined references render nothing", "[$nothing][$nothing.at.all]", "[][]"),
        of(
            "escapeJavaScript turns ' into \\'",
            "$util.escapeJavaScript($input.path('$.s'))",
            "It\\'s"),
        of(
            "the documented fix restores '",
            "$util.escapeJavaScript($input.path('$.s')).replaceAll(\"\\\\'\",\"'\")",
            "It's"),
        of(
            "escapeJavaScript: quotes, backslash, slash",
            "$util.escapeJavaScript('say \"a\\b/c\"')",
            "say \\\"a\\\\b\\/c\\\""),
        of(
            "escapeJavaScript: control characters",
            "$util.escapeJavaScript($util.urlDecode('a%0Ab%09c%01d%0D'))",
            "a\\nb\\tc\\u0001d\\r"),
        of(
            "escapeJavaScript: non-ASCII as upper-case \\uXXXX",
            "$util.escapeJavaScript($util.urlDecode('%C3%A9%F0%9F%98%80'))",
            "\\u00E9\\uD83D\\uDE00"),
        of("urlEncode is form encoding", "$util.urlEncode('a b&c=d/é')", "a+b%26c%3Dd%2F%C3%A9"),
        of("urlDecode", "$util.urlDecode('a+b%26c')", "a b&c"),
        of("base64Encode", "$util.base64Encode('hello é')", "aGVsbG8gw6k="),
        of("base64Decode", "$util.base64Decode('aGVsbG8gw6k=')", "hello é"),
        of(
            "parseJson gives an object",
            "$util.parseJson('{\"k\":[1,2],\"m\":{\"x\":1}}').m.x",
            "1"),
        of("parseJson arrays print as JSON", "$util.parseJson('{\"k\":[1,2]}').k", "[1,2]"),
        of("$util.toJson does not exist", "[$util.toJson($input.path('$'))]", "[]"),
        of("$util.qr does not exist", "[$util.qr($input.path('$'))]", "[]"),
        of(
            "$context variables",
            "$context.requestId $context.accountId $context.apiId $context.stage"
                + " $context.resourcePath $context.httpMethod $context.identity.sourceIp"
                + " $context.requestTime $context.requestTimeEpoch $context.path",
            "r-1 123456789012 a1b2c3d4e5 dev / GET 127.0.0.1 01/Jan/2026:00:00:00 +0000"
                + " 1767225600000 /dev/"),
        of("hyphens in identifiers", "#set($my-var = 'v')$my-var", "v"),
        of(
            "#foreach stops at 1,000 iterations",
            "#set($n = 0)#foreach($i in [1..1500])#set($n = $n + 1)#end$n",
            "1000"),
        of(
            "#foreach over a map's keys with hasNext",
            "#foreach($k in $input.path('$.a').keySet())$k#if($foreach.hasNext),#end#end",
            "b,c"),
        of(
            "#set of a missing value into a variable",
            "#set($m = $input.path('$.missing'))[$m]",
            "[]"),
        of("inline #macro is not available", "#macro(m)x#end#m()", "#m()"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsApiGatewayDoes(Case c) {
    VtlInput input =
        new VtlInput(c.body(), Map.of("id", "7"), orderedQuery(), Map.of("X-Tenant", "t1"));
    assertEquals(c.expected(), render(c.template(), input).body());
  }

  private static Map<String, String> orderedQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", "a b");
    query.put("id", "q7");
    return query;
  }

  @Test
  void headersKeepTheirCaseAreFoundInAnyCaseAndListByName() {
    Map<String, String> sent = new java.util.LinkedHashMap<>();
    sent.put("Host", "h");
    sent.put("User-Agent", "curl");
    sent.put("X-Tenant", "t1");
    sent.put("Accept", "*/*");
    VtlInput input = new VtlInput(null, Map.of(), Map.of(), sent);
    assertEquals(
        "{Accept=*/*, Host=h, User-Agent=curl, X-Tenant=t1}|t1|t1|t1|t1|",
        render(
                "$input.params().header|$input.params('x-tenant')|$input.params('X-TENANT')"
                    + "|$input.params().header.get('X-Tenant')|$input.params().header.X-Tenant"
                    + "|$input.params('Tenant')",
                input)
            .body());
  }

  @Test
  void responseOverrideStatusAndHeadersAreReadBack() {
    Rendered out =
        render(
            "#set($context.responseOverride.status = 404)"
                + "#set($context.responseOverride.header.X-Trace = \"t-$context.requestId\")"
                + "{\"message\":\"Not found\"}",
            VtlInput.body(null));
    assertEquals("{\"message\":\"Not found\"}", out.body());
    assertEquals(Optional.of(404), out.statusOverride());
    assertEquals(Map.of("X-Trace", "t-r-1"), out.headers());
  }

  @Test
  void propertySetsHoldWhateverTheValueAndTheMapAcrossRenders() {
    String template =
        "#set($m = {})#set($m.a = 1)#set($m.b = $m.a + 1)#set($m.a = 'x')#set($m.c = [1])"
            + "#set($o = $context.responseOverride)#set($o.status = 201)"
            + "$m.a|$m.b|$m.c";
    for (int render = 0; render < 3; render++) {
      Rendered out = render(template, VtlInput.body(null));
      assertEquals("x|2|[1]", out.body());
      assertEquals(Optional.of(201), out.statusOverride());
    }
  }

  @Test
  void noOverrideMeansNoStatus() {
    assertEquals(Optional.empty(), render("ok", VtlInput.body(null)).statusOverride());
  }

  @Test
  void anOverrideIsFinal() {
    assertThrows(
        VtlException.class,
        () ->
            render(
                "#set($context.responseOverride.status = 400)"
                    + "#set($context.responseOverride.status = 500)",
                VtlInput.body(null)));
  }

  @Test
  void includeAndParseFail() {
    for (String template : List.of("#include('x.vm')", "#parse('x.vm')")) {
      assertThrows(VtlException.class, () -> render(template, VtlInput.body(null)), template);
    }
  }

  @Test
  void invalidVtlDoesNotCompile() {
    assertThrows(VtlException.class, () -> ENGINE.compile("#if($a) unterminated"));
  }

  @Test
  void reflectionIsBlocked() {
    String out =
        render("[$input.getClass().forName('java.lang.Runtime')]", VtlInput.body(null)).body();
    assertEquals("[]", out);
  }

  @Test
  void invalidJsonForParseJsonFailsTheRender() {
    assertThrows(VtlException.class, () -> render("$util.parseJson('{oops')", VtlInput.body(null)));
  }

  @Test
  void aCompiledTemplateRendersManyTimesWithItsOwnInputs() {
    CompiledTemplate template = ENGINE.compile("$input.params('id'):$input.path('$.v')");
    for (int i = 0; i < 50; i++) {
      VtlInput input = new VtlInput("{\"v\":" + i + "}", Map.of("id", "k" + i), null, null);
      assertEquals("k" + i + ":" + i, template.render(input, context()).body());
    }
  }

  @Test
  void oneCompiledTemplateRendersConcurrently() throws Exception {
    CompiledTemplate template =
        ENGINE.compile("#foreach($x in $input.path('$.xs'))$x#end-$input.params('id')");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  VtlInput input =
                      new VtlInput(
                          "{\"xs\":[" + n + "," + n + "]}", Map.of("id", "k" + n), null, null);
                  return template.render(input, context()).body().equals(n + "" + n + "-k" + n);
                }));
      }
      for (var result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void stringRegexMethodsKeepJavasResultsAcrossRenders() {
    CompiledTemplate template =
        ENGINE.compile(
            "$input.params('s').replaceAll('(a)(b)', '$2$1')|"
                + "$input.params('s').replaceFirst('b', '<$0>')|"
                + "$input.params('s').matches('[ab]+')|"
                + "$input.params('s').replace('a', '.')");
    for (String s : List.of("abab", "ba", "xyz")) {
      VtlInput input = new VtlInput(null, Map.of("s", s), null, null);
      String expected =
          s.replaceAll("(a)(b)", "$2$1")
              + "|"
              + s.replaceFirst("b", "<$0>")
              + "|"
              + s.matches("[ab]+")
              + "|"
              + s.replace("a", ".");
      assertEquals(expected, template.render(input, context()).body(), s);
    }
  }

  @Test
  void anInvalidRegexFailsTheRenderEveryTime() {
    CompiledTemplate template = ENGINE.compile("$input.params('id').replaceAll('(', 'x')");
    for (int i = 0; i < 2; i++) {
      VtlInput input = new VtlInput(null, Map.of("id", "a(b"), null, null);
      assertThrows(VtlException.class, () -> template.render(input, context()));
    }
  }

  @Test
  void oneTemplateSeesEachRendersOwnValueTypes() {
    CompiledTemplate template = ENGINE.compile("[$input.path('$.v').size()][$input.path('$.v').x]");
    assertEquals("[2][]", template.render(VtlInput.body("{\"v\":[1,2]}"), context()).body());
    assertEquals("[1][7]", template.render(VtlInput.body("{\"v\":{\"x\":7}}"), context()).body());
    assertEquals("[][]", template.render(VtlInput.body("{\"v\":\"s\"}"), context()).body());
  }

  @Test
  void theSeedsResponseTemplateGivesNoJson() {
    String seed =
        """
        #set($inputRoot = $input.path('$'))
        #set($output = {})
        #set($output = $inputRoot.Item)
        $util.toJson($output)
        """;
    String out = render(seed, VtlInput.body("{\"Item\":{\"userId\":{\"S\":\"u1\"}}}")).body();
    assertTrue(out.isBlank(), "toJson must not exist, got: " + out);
  }

  private static Rendered render(String template, VtlInput input) {
    return ENGINE.compile(template).render(input, context());
  }

  private static RequestContext context() {
    return RequestContext.sample("r-1");
  }
}
