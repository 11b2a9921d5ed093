package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.vtl.Overrides;
import io.dynagate.emulator.vtl.Rendered;
import io.dynagate.emulator.vtl.VtlException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs one method as API Gateway does: the request template for the client's content type (or the
 * passthrough behaviour), the integration (DynamoDB as the credentials role, or {@code MOCK}), the
 * integration response whose pattern matches the backend's status (or the default), its response
 * template and {@code $context.responseOverride}, its response parameters. Every failure API
 * Gateway reports as a configuration or template error is its 500.
 */
@ApplicationScoped
class MethodExecutor {

  private static final Logger LOG = Logger.getLogger(MethodExecutor.class);
  private static final SecondFormat HTTP_DATE =
      new SecondFormat(DateTimeFormatter.RFC_1123_DATE_TIME);

  private final Backends backends;

  MethodExecutor(Backends backends) {
    this.backends = backends;
  }

  CompletionStage<EmulatorResponse> run(Invocation call) {
    try {
      return start(call)
          .exceptionally(
              failure -> {
                if (rootCause(failure) instanceof TimeoutException) {
                  call.trace().line("Execution failed due to a timeout error");
                  return GatewayResponses.integrationTimeout();
                }
                call.trace()
                    .line("Execution failed due to configuration error: %s", rootMessage(failure));
                LOG.debugf(failure, "data plane call failed");
                return GatewayResponses.internalError();
              });
    } catch (RuntimeException e) {
      call.trace().line("Execution failed due to configuration error: %s", rootMessage(e));
      LOG.debugf(e, "data plane call failed");
      return CompletableFuture.completedFuture(GatewayResponses.internalError());
    }
  }

  private CompletionStage<EmulatorResponse> start(Invocation call) {
    Integration integration = call.match().method().methodIntegration();
    if (integration == null) {
      throw new ConfigurationError("the method has no integration");
    }
    String template = integration.requestTemplates().get(call.contentType());
    String behaviour = integration.passthroughBehavior();
    boolean passes =
        "WHEN_NO_MATCH".equals(behaviour)
            || ("WHEN_NO_TEMPLATES".equals(behaviour) && integration.requestTemplates().isEmpty());
    if (template == null && !passes) {
      call.trace().line("No template for content type %s: 415", call.contentType());
      return CompletableFuture.completedFuture(GatewayResponses.unsupportedMediaType());
    }
    Overrides overrides = new Overrides();
    String mapped =
        template == null
            ? call.input().body()
            : call.api().template(template).render(call.input(), call.context(), overrides).body();
    if ("AWS".equals(integration.type())) {
      // AWS logs the endpoint's side for the backends it reaches
      call.trace().line("Endpoint request body after transformations: %s", mapped);
    }
    return backends
        .call(call, integration, template != null, mapped == null ? "" : mapped)
        .thenApply(answer -> respond(call, integration, answer, overrides));
  }

  private EmulatorResponse respond(
      Invocation call, Integration integration, Backends.Answer answer, Overrides overrides) {
    if (!"MOCK".equals(integration.type())) {
      call.trace().line("Endpoint response body before transformations: %s", answer.body());
    }
    IntegrationResponse chosen = select(call.api(), integration, Integer.toString(answer.status()));
    if (chosen == null) {
      throw new ConfigurationError("no integration response matches status " + answer.status());
    }
    if (!call.match().method().methodResponses().containsKey(chosen.statusCode())) {
      throw new ConfigurationError(
          "Output mapping refers to an invalid method response: " + chosen.statusCode());
    }
    Map.Entry<String, String> template = ResponseTemplates.choose(chosen, call.accept());
    String body = answer.body();
    int status = Integer.parseInt(chosen.statusCode());
    if (template != null) {
      Rendered rendered =
          call.api()
              .template(template.getValue())
              .render(call.input().withBody(answer.body()), call.context(), overrides);
      body = rendered.body();
    }
    // overrides from either template apply, the request template's too (AWS applies them last)
    status = overrides.status().orElse(status);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", template == null ? "application/json" : template.getKey());
    ResponseTemplates.parameters(headers, chosen, call, answer);
    overrides.headers().forEach((name, value) -> ResponseTemplates.set(headers, name, value));
    call.trace().line("Method response body after transformations: %s", body);
    call.trace().line("Method response headers: %s", headers);
    call.trace().line("Successfully completed execution");
    headers.put("x-amzn-RequestId", call.context().requestId());
    headers.put("x-amz-apigw-id", apigwId());
    if ("AWS".equals(integration.type())) {
      headers.put(
          TraceHeader.NAME, TraceHeader.answering(call.input().header().get(TraceHeader.NAME)));
    }
    headers.put("Date", HTTP_DATE.format(Instant.now()));
    return new EmulatorResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** API Gateway's extended request id: 12 random bytes in base64, 16 characters. */
  private static String apigwId() {
    byte[] bytes = new byte[12];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The response whose regex matches the whole status, else the default, else none. */
  static IntegrationResponse select(CompiledApi api, Integration integration, String status) {
    IntegrationResponse fallback = null;
    for (IntegrationResponse response : integration.integrationResponses().values()) {
      String pattern = response.selectionPattern();
      if (pattern == null || pattern.isEmpty()) {
        fallback = response;
      } else if (api.pattern(pattern).map(p -> p.matcher(status).matches()).orElse(false)) {
        return response;
      }
    }
    return fallback;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = rootCause(e);
    return t instanceof VtlException || t instanceof ConfigurationError
        ? t.getMessage()
        : t.toString();
  }
}
