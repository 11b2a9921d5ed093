package io.dynagate.emulator.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Template cases at the data-plane level, each a deployed {@code MOCK} method called over HTTP:
 * status from the request template, selection patterns, default and missing default, response
 * templates by {@code Accept}, {@code responseOverride}, response parameters, and the VTL facts as
 * a client sees them through a stage. The VTL engine's own table is {@code VtlEngineTest}.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class MockIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OK = "{\"statusCode\": 200}";
  private static final String ISE = "{\"message\": \"Internal server error\"}";

  @Inject ApiGatewayClient apiGateway;
  @Inject IamClient iam;
  @Inject EmbeddedEngine engine;

  private static Deployer deployer;
  private static String apiId;

  /** An integration response: a pattern ({@code default} for the default) and what it maps. */
  record Response(
      String pattern,
      String status,
      Map<String, String> templates,
      Map<String, String> parameters) {}

  /** One method and one call to it, with what the client must see. */
  record Case(
      String name,
      String passthrough,
      Map<String, String> requestTemplates,
      List<Response> responses,
      List<String> methodStatuses,
      String query,
      Map<String, String> headers,
      int status,
      String body,
      Map<String, String> expectedHeaders) {
    @Override
    public String toString() {
      return name;
    }

    Case withStatus(int expected) {
      return new Case(
          name,
          passthrough,
          requestTemplates,
          responses,
          methodStatuses,
          query,
          headers,
          expected,
          body,
          expectedHeaders);
    }

    Case withHeaders(Map<String, String> expected) {
      return new Case(
          name,
          passthrough,
          requestTemplates,
          responses,
          methodStatuses,
          query,
          headers,
          status,
          body,
          expected);
    }

    Case withQuery(String sent) {
      return new Case(
          name,
          passthrough,
          requestTemplates,
          responses,
          methodStatuses,
          sent,
          headers,
          status,
          body,
          expectedHeaders);
    }

    Case withRequestHeaders(Map<String, String> sent) {
      return new Case(
          name,
          passthrough,
          requestTemplates,
          responses,
          methodStatuses,
          query,
          sent,
          status,
          body,
          expectedHeaders);
    }
  }

  private static final List<String> STATUSES = List.of("200", "201", "400", "404", "418", "502");

  private static Response resp(String pattern, String status, String template) {
    return new Response(
        pattern,
        status,
        template == null ? Map.of() : Map.of("application/json", template),
        Map.of());
  }

  /** The usual three: default 200, 4xx to 400, 5xx to 502, each naming itself. */
  private static List<Response> standard() {
    return List.of(
        resp("default", "200", "ok"),
        resp("4\\d{2}", "400", "client"),
        resp("5\\d{2}", "502", "server"));
  }

  /** A request template answering {@code status} and a response template; 200 by default. */
  private static Case respond(String name, String responseTemplate, String query, String expected) {
    return new Case(
        name,
        "WHEN_NO_MATCH",
        Map.of("application/json", OK),
        List.of(resp("default", "200", responseTemplate)),
        STATUSES,
        query,
        Map.of(),
        200,
        expected,
        Map.of());
  }

  private static Case status(
      String name, String requestTemplate, List<Response> responses, int status, String body) {
    return new Case(
        name,
        "WHEN_NO_MATCH",
        Map.of("application/json", requestTemplate),
        responses,
        STATUSES,
        "",
        Map.of(),
        status,
        body,
        Map.of());
  }

  private static String mock(int status) {
    return "{\"statusCode\": " + status + "}";
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // The MOCK's status comes from the request template; the integration response is chosen by
    // its selectionPattern against that status, a whole-string regex match.
    cases.add(status("200 selects the default", mock(200), standard(), 200, "ok"));
    cases.add(status("404 selects 4\\d{2}", mock(404), standard(), 400, "client"));
    cases.add(status("503 selects 5\\d{2}", mock(503), standard(), 502, "server"));
    cases.add(
        status(
            "patterns match the whole status: 4 does not match 404",
            mock(404),
            List.of(resp("default", "200", "ok"), resp("4", "400", "client")),
            200,
            "ok"));
    cases.add(
        status(
            "patterns match the whole status: 40 does not match 404",
            mock(404),
            List.of(resp("default", "200", "ok"), resp("40", "400", "client")),
            200,
            "ok"));
    cases.add(
        status(
            "alternation 404|500 matches 404",
            mock(404),
            List.of(resp("default", "200", "ok"), resp("404|500", "404", "gone")),
            404,
            "gone"));
    cases.add(
        status(
            "a .* pattern takes every status",
            mock(201),
            List.of(resp(".*", "201", "any")),
            201,
            "any"));
    cases.add(
        status(
            "no match and no default: 500",
            mock(200),
            List.of(resp("4\\d{2}", "400", "client")),
            500,
            ISE));
    cases.add(
        status(
            "the empty pattern is the default",
            mock(201),
            List.of(resp("", "201", "empty pattern"), resp("4\\d{2}", "400", "client")),
            201,
            "empty pattern"));
    cases.add(
        status(
            "without a 4\\d{2} pattern a 400 comes back as 200",
            mock(400), List.of(resp("default", "200", "looks fine")), 200, "looks fine"));
    cases.add(
        status(
            "status from a request parameter",
            "{\"statusCode\": $input.params('code')}",
            standard(),
            400,
            "client"));
    cases.add(status("a template without statusCode: 500", "{\"other\": 1}", standard(), 500, ISE));
    cases.add(status("a template that is not JSON: 500", "statusCode=200", standard(), 500, ISE));
    cases.add(
        status(
                "escapeJavaScript's \\' breaks the JSON: 500",
                "{\"statusCode\": 200, \"v\": \"$util.escapeJavaScript($input.params('q'))\"}",
                standard(),
                500,
                ISE)
            .withQuery("q=it%27s"));
    cases.add(
        status(
                "the documented replaceAll fix keeps it JSON",
                "{\"statusCode\": 200, \"v\": \"$util.escapeJavaScript($input.params('q')).replaceAll(\"\\\\'\",\"'\")\"}",
                standard(),
                200,
                "ok")
            .withQuery("q=it%27s"));
    cases.add(status("an invalid request template: 500", "#if(", standard(), 500, ISE));
    cases.add(status("#include fails: 500", "#include('x')" + OK, standard(), 500, ISE));
    cases.add(
        new Case(
            "no request template passes through: 200",
            "WHEN_NO_MATCH",
            Map.of(),
            standard(),
            STATUSES,
            "",
            Map.of(),
            200,
            "ok",
            Map.of()));
    cases.add(
        new Case(
            "NEVER without a template for the content type: 415",
            "NEVER",
            Map.of("application/json", OK),
            standard(),
            STATUSES,
            "",
            Map.of("Content-Type", "text/plain"),
            415,
            "{\"message\": \"Unsupported Media Type\"}",
            Map.of()));
    cases.add(
        new Case(
            "the content type's own template is used",
            "NEVER",
            Map.of("application/json", mock(404), "text/plain", mock(200)),
            standard(),
            STATUSES,
            "",
            Map.of("Content-Type", "text/plain; charset=utf-8"),
            200,
            "ok",
            Map.of()));
    cases.add(
        new Case(
            "a response status without a method response: 500",
            "WHEN_NO_MATCH",
            Map.of("application/json", mock(404)),
            standard(),
            List.of("200"),
            "",
            Map.of(),
            500,
            ISE,
            Map.of()));
    // responseOverride in the response template.
    cases.add(
        respond(
                "responseOverride.status",
                "#set($context.responseOverride.status = 418)teapot",
                "",
                "teapot")
            .withStatus(418));
    cases.add(
        respond(
                "responseOverride.status to a status without method response",
                "#set($context.responseOverride.status = 299)odd",
                "",
                "odd")
            .withStatus(299));
    cases.add(
        respond(
                "responseOverride.header",
                "#set($context.responseOverride.header.X-Custom = 'v1')h",
                "",
                "h")
            .withHeaders(Map.of("X-Custom", "v1")));
    cases.add(
        respond(
                "responseOverride.header.Content-Type",
                "#set($context.responseOverride.header.Content-Type = 'text/plain')plain",
                "",
                "plain")
            .withHeaders(Map.of("Content-Type", "text/plain")));
    cases.add(
        respond(
                "an override set twice: 500",
                "#set($context.responseOverride.status = 404)#set($context.responseOverride.status = 400)",
                "",
                ISE)
            .withStatus(500));
    cases.add(
        respond(
                "a status override that is no number: 500",
                "#set($context.responseOverride.status = 'abc')",
                "",
                ISE)
            .withStatus(500));
    // Response parameters.
    cases.add(
        parameters(
            "a literal response parameter",
            Map.of("method.response.header.X-Lit", "'abc'"),
            "",
            Map.of("X-Lit", "abc")));
    cases.add(
        parameters(
            "a response parameter from the path",
            Map.of("method.response.header.X-Id", "method.request.path.id"),
            "",
            Map.of("X-Id", "p1")));
    cases.add(
        parameters(
            "a response parameter from the query string",
            Map.of("method.response.header.X-Q", "method.request.querystring.q"),
            "q=hello",
            Map.of("X-Q", "hello")));
    cases.add(
        new Case(
            "responseOverride.header wins over a response parameter",
            "WHEN_NO_MATCH",
            Map.of("application/json", OK),
            List.of(
                new Response(
                    "default",
                    "200",
                    Map.of(
                        "application/json",
                        "#set($context.responseOverride.header.X-Lit = 'over')"),
                    Map.of("method.response.header.X-Lit", "'param'"))),
            STATUSES,
            "",
            Map.of(),
            200,
            "",
            Map.of("X-Lit", "over")));
    // Response templates by Accept.
    Map<String, String> two =
        new TreeMap<>(Map.of("application/json", "json", "text/plain", "text"));
    cases.add(accept("Accept chooses the template", two, "text/plain", "text", "text/plain"));
    cases.add(accept("no Accept: application/json", two, null, "json", "application/json"));
    cases.add(
        accept(
            "an unknown Accept: application/json", two, "image/png", "json", "application/json"));
    cases.add(
        accept(
            "an Accept list takes the first with a template",
            two,
            "image/png, text/plain;q=0.9",
            "text",
            "text/plain"));
    cases.add(
        accept("no response template: the body passes", Map.of(), null, "", "application/json"));
    // VTL facts as a client sees them through a stage.
    cases.add(respond("$input.params('x') reads the path", "$input.params('id')", "", "p1"));
    cases.add(
        respond(
            "$input.params('x') reads the query string", "$input.params('q')", "q=a%20b", "a b"));
    cases.add(
        respond("$input.params('x') is empty when absent", "[$input.params('nope')]", "", "[]"));
    cases.add(
        respond(
            "$input.params().path prints Java-map style", "$input.params().path", "", "{id=p1}"));
    cases.add(
        respond(
            "$input.params().querystring keeps order",
            "$input.params().querystring",
            "b=2&a=1",
            "{b=2, a=1}"));
    cases.add(
        respond(
            "a repeated query parameter keeps the last value",
            "$input.params('q')",
            "q=1&q=2",
            "2"));
    cases.add(respond("$input.body of a MOCK is {}", "$input.body", "", "{}"));
    cases.add(respond("$input.json('$') of a MOCK is {}", "$input.json('$')", "", "{}"));
    cases.add(respond("$util.toJson does not exist", "[$util.toJson($input.params())]", "", "[]"));
    cases.add(
        respond(
            "urlEncode is form encoding",
            "$util.urlEncode($input.params('q'))",
            "q=a%20b%2Fc",
            "a+b%2Fc"));
    cases.add(
        respond(
            "base64 round trip",
            "$util.base64Decode($util.base64Encode($input.params('q')))",
            "q=%C3%A9t%C3%A9",
            "été"));
    cases.add(
        respond(
            "escapeJavaScript escapes ' and non-ASCII",
            "$util.escapeJavaScript($input.params('q'))",
            "q=it's%20%C3%A9",
            "it\\'s \\u00E9"));
    cases.add(respond("hyphenated identifiers", "#set($my-v = 'x')$my-v", "", "x"));
    cases.add(
        respond(
            "#foreach stops at 1,000",
            "#set($n = 0)#foreach($i in [1..2000])#set($n = $n + 1)#end$n",
            "",
            "1000"));
    cases.add(
        respond(
            "$context: stage, resourcePath, httpMethod, path",
            "$context.stage $context.resourcePath $context.httpMethod $context.path",
            "",
            "dev /c{i}/{id} GET /dev/c{i}/p1"));
    cases.add(
        respond(
                "$context.identity.sourceIp from X-Forwarded-For",
                "$context.identity.sourceIp",
                "",
                "203.0.113.9")
            .withRequestHeaders(Map.of("X-Forwarded-For", "203.0.113.9, 10.0.0.1")));
    cases.add(
        respond(
                "$input.params().header holds the request headers",
                "$input.params().header.get('x-tenant')",
                "",
                "t1")
            .withRequestHeaders(Map.of("X-Tenant", "t1")));
    cases.add(
        respond(
                "header names keep the client's case and are found in any case",
                "$input.params('x-tenant')|$input.params('X-Tenant')"
                    + "|$input.params().header.get('X-Tenant')"
                    + "|#foreach($k in $input.params().header.keySet())"
                    + "#if($k.equalsIgnoreCase('x-tenant'))$k#end#end",
                "",
                "t1|t1|t1|X-Tenant")
            .withRequestHeaders(Map.of("X-Tenant", "t1")));
    cases.add(
        respond("a failing response template: 500", "$util.parseJson('{nope')", "", ISE)
            .withStatus(500));
    return cases.stream();
  }

  private static Case parameters(
      String name, Map<String, String> parameters, String query, Map<String, String> expected) {
    return new Case(
        name,
        "WHEN_NO_MATCH",
        Map.of("application/json", OK),
        List.of(new Response("default", "200", Map.of(), parameters)),
        STATUSES,
        query,
        Map.of(),
        200,
        "",
        expected);
  }

  private static Case accept(
      String name, Map<String, String> templates, String accept, String body, String contentType) {
    return new Case(
        name,
        "WHEN_NO_MATCH",
        Map.of("application/json", OK),
        List.of(new Response("default", "200", templates, Map.of())),
        STATUSES,
        "",
        accept == null ? Map.of() : Map.of("Accept", accept),
        200,
        body,
        Map.of("Content-Type", contentType));
  }

  @BeforeEach
  void deployEveryCase() throws Exception {
    if (apiId != null) {
      return;
    }
    deployer = new Deployer(apiGateway, iam, engine.emulatorEndpoint());
    Map<String, Object> paths = new LinkedHashMap<>();
    List<Case> all = cases().toList();
    for (int i = 0; i < all.size(); i++) {
      paths.put("/c" + i + "/{id}", Map.of("get", method(all.get(i))));
    }
    String context =
        "$context.requestId|$context.requestTime|$context.requestTimeEpoch|$context.accountId"
            + "|$context.apiId|$context.domainName";
    paths.put("/context/{id}", Map.of("get", method(respond("context", context, "", ""))));
    Map<String, Object> doc =
        Map.of(
            "openapi", "3.0.1", "info", Map.of("title", "mocks", "version", "1"), "paths", paths);
    apiId = deployer.create("mocks", JSON.writeValueAsString(doc), "dev");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsApiGatewayDoes(Case c) {
    int index = cases().map(Case::name).toList().indexOf(c.name());
    String query = c.query().isEmpty() ? "code=404" : c.query();
    HttpResponse<String> answer =
        deployer.send(apiId, "dev", "GET", "/c" + index + "/p1?" + query, c.headers());
    String expected = c.body().replace("{i}", Integer.toString(index));
    assertEquals(c.status(), answer.statusCode(), answer.body());
    assertEquals(expected, answer.body());
    c.expectedHeaders()
        .forEach(
            (name, value) ->
                assertEquals(value, answer.headers().firstValue(name).orElse(null), name));
  }

  @Test
  void aMockAnswersNoTraceIdEvenWhenSentOne() {
    // AWS's recorded answer (LocalStack's test_invocation_trace_id): a trace only for integrations
    // that reach a service
    HttpResponse<String> answer =
        deployer.send(
            apiId,
            "dev",
            "GET",
            "/context/p1",
            Map.of("X-Amzn-Trace-Id", "Root=1-3152b799-8954dae64eda91bc9a23a7e8"));
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(
        answer.headers().firstValue("X-Amzn-Trace-Id").isEmpty(), answer.headers().map()::toString);
  }

  @Test
  void answersCarryApiGatewaysDateAndRequestIdHeaders() {
    HttpResponse<String> answer = deployer.get(apiId, "dev", "/context/p1");
    assertEquals(200, answer.statusCode(), answer.body());
    String date = answer.headers().firstValue("Date").orElseThrow();
    java.time.ZonedDateTime sent =
        java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
    assertTrue(Math.abs(sent.toEpochSecond() - System.currentTimeMillis() / 1000) < 60, date);
    String id = answer.headers().firstValue("x-amz-apigw-id").orElseThrow();
    assertTrue(id.matches("[A-Za-z0-9+/]{16}"), id);
    String again =
        deployer
            .get(apiId, "dev", "/context/p1")
            .headers()
            .firstValue("x-amz-apigw-id")
            .orElseThrow();
    assertTrue(!again.equals(id), "each call has its own id");
  }

  @Test
  void contextValuesHaveApiGatewaysFormats() {
    HttpResponse<String> answer = deployer.get(apiId, "dev", "/context/p1");
    assertEquals(200, answer.statusCode(), answer.body());
    String[] values = answer.body().split("\\|");
    assertEquals(answer.headers().firstValue("x-amzn-RequestId").orElseThrow(), values[0]);
    assertTrue(values[0].matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    assertTrue(
        values[1].matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"), values[1]);
    assertTrue(Math.abs(System.currentTimeMillis() - Long.parseLong(values[2])) < 60_000);
    assertTrue(values[3].matches("\\d{12}"), values[3]);
    assertEquals(apiId, values[4]);
    // The Host header, or API Gateway's own name for the API when the client sent none.
    assertTrue(
        values[5].equals(engine.emulatorEndpoint().getHost())
            || values[5].equals(apiId + ".execute-api.us-east-1.amazonaws.com"),
        values[5]);
  }

  private static Map<String, Object> method(Case c) {
    Map<String, Object> responses = new LinkedHashMap<>();
    c.methodStatuses().forEach(s -> responses.put(s, Map.of("description", s)));
    Map<String, Object> integrationResponses = new LinkedHashMap<>();
    for (Response r : c.responses()) {
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("statusCode", r.status());
      if (!r.templates().isEmpty()) {
        response.put("responseTemplates", r.templates());
      }
      if (!r.parameters().isEmpty()) {
        response.put("responseParameters", r.parameters());
      }
      integrationResponses.put(r.pattern(), response);
    }
    Map<String, Object> integration = new LinkedHashMap<>();
    integration.put("type", "mock");
    integration.put("passthroughBehavior", c.passthrough().toLowerCase());
    if (!c.requestTemplates().isEmpty()) {
      integration.put("requestTemplates", c.requestTemplates());
    }
    integration.put("responses", integrationResponses);
    return Map.of(
        "parameters",
        List.of(
            Map.of(
                "name", "id", "in", "path", "required", true, "schema", Map.of("type", "string"))),
        "responses",
        responses,
        "x-amazon-apigateway-integration",
        integration);
  }
}
