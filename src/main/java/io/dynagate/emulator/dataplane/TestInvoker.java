package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.MethodTester;
import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code TestInvokeMethod}: the data plane's executor on the draft, in stage {@code
 * test-invoke-stage} as API Gateway names it, with the execution log. Runs on the control plane's
 * worker thread, so it may wait for the integration.
 */
@ApplicationScoped
class TestInvoker implements MethodTester {

  static final String STAGE = "test-invoke-stage";

  private final DataPlane dataPlane;
  private final MethodExecutor executor;
  private final Invocations invocations;

  TestInvoker(DataPlane dataPlane, MethodExecutor executor, Invocations invocations) {
    this.dataPlane = dataPlane;
    this.executor = executor;
    this.invocations = invocations;
  }

  @Override
  public Result test(
      String restApiId,
      ApiDefinition definition,
      String resourceId,
      String httpMethod,
      String pathWithQueryString,
      Map<String, String> headers,
      String body) {
    long start = System.nanoTime();
    Resource resource = definition.resource(resourceId).orElseThrow();
    Method method = resource.resourceMethods().get(httpMethod);
    if (method == null) {
      // an ANY method answers every verb, TestInvokeMethod's too
      method = resource.resourceMethods().get("ANY");
    }
    int question = pathWithQueryString.indexOf('?');
    String path = question < 0 ? pathWithQueryString : pathWithQueryString.substring(0, question);
    String query = question < 0 ? "" : pathWithQueryString.substring(question + 1);
    RouteTree.Match match =
        new RouteTree.Match(resource, method, parameters(resource.path(), path));
    Trace trace = Trace.on();
    String requestId = UUID.randomUUID().toString();
    Map<String, List<String>> queryParameters = query(query);
    Map<String, String> firstValues = new LinkedHashMap<>();
    queryParameters.forEach((name, values) -> firstValues.put(name, values.get(0)));
    // the lines AWS writes before running the integration, in its words and Java's map format
    trace.heading("Execution log for request " + requestId);
    trace.line("Starting execution for request: %s", requestId);
    trace.line("HTTP Method: %s, Resource Path: %s", httpMethod, path);
    trace.line("Method request path: %s", match.pathParameters());
    trace.line("Method request query string: %s", firstValues);
    trace.line("Method request headers: %s", headers);
    trace.line("Method request body before transformations: %s", body == null ? "" : body);
    Invocation call =
        invocations.of(
            dataPlane.compileOnce(definition),
            match,
            new Invocations.Client(
                restApiId,
                STAGE,
                httpMethod,
                "/" + STAGE + path,
                queryParameters,
                headers,
                body == null ? "" : body),
            trace);
    // Not from this worker thread: the Vert.x client would complete on this worker context, whose
    // tasks run one at a time, behind this very thread waiting for them. A thread outside Vert.x
    // gets an event-loop context.
    EmulatorResponse response =
        await(
            CompletableFuture.supplyAsync(() -> executor.run(call), ForkJoinPool.commonPool())
                .thenCompose(answer -> answer));
    trace.line("Method completed with status: %d", response.status());
    // TestInvokeMethod answers the method's own headers, not those every data-plane answer carries
    Map<String, String> out = new LinkedHashMap<>();
    // AWS lists an AWS integration's trace first, before Content-Type
    String traceId = response.headers().get(TraceHeader.NAME);
    if (traceId != null) {
      out.put(TraceHeader.NAME, traceId);
    }
    response.headers().forEach(out::putIfAbsent);
    out.keySet().removeIf(TestInvoker::addedByGateway);
    if (out.containsKey("x-amzn-ErrorType")) {
      // a gateway error's answer names its type only
      out.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
    }
    return new Result(
        response.status(),
        out,
        new String(response.body(), StandardCharsets.UTF_8),
        trace.text(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private static boolean addedByGateway(String header) {
    return header.equalsIgnoreCase("x-amzn-RequestId")
        || header.equalsIgnoreCase("x-amz-apigw-id")
        || header.equalsIgnoreCase("Date");
  }

  private static EmulatorResponse await(CompletableFuture<EmulatorResponse> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return GatewayResponses.internalError();
    } catch (ExecutionException | TimeoutException e) {
      return GatewayResponses.internalError();
    }
  }

  /**
   * The path parameters of {@code path} laid over the resource's path template; none when a fixed
   * part of the template differs, as AWS leaves them for a path of another resource.
   */
  private static Map<String, String> parameters(String template, String path) {
    List<String> parts = DataPlane.segments(template);
    List<String> segments = DataPlane.segments(path);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < parts.size() && i < segments.size(); i++) {
      if (!parts.get(i).startsWith("{") && !parts.get(i).equals(segments.get(i))) {
        return parameters;
      }
    }
    for (int i = 0; i < parts.size() && i < segments.size(); i++) {
      String part = parts.get(i);
      if (part.endsWith("+}")) {
        parameters.put(
            part.substring(1, part.length() - 2),
            String.join("/", segments.subList(i, segments.size())));
        break;
      }
      if (part.startsWith("{")) {
        parameters.put(part.substring(1, part.length() - 1), segments.get(i));
      }
    }
    return parameters;
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }
}
