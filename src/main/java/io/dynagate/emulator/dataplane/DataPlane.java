package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.ApiGatewayStore;
import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.DeployedStage;
import io.dynagate.emulator.core.DataPlaneHandler;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.vtl.VtlEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /restapis/{id}/{stage}/_user_request_/{path}}: the deployment the stage points at, never
 * the draft. Each stage's deployment is compiled once (route tree, templates, patterns) and
 * replaced when the stage moves to another deployment.
 */
@ApplicationScoped
public class DataPlane implements DataPlaneHandler {

  /** A stage's compiled deployment; the snapshot's identity tells whether it is still current. */
  private record Cached(ApiDefinition snapshot, CompiledApi api) {}

  private final ApiGatewayStore store;
  private final MethodExecutor executor;
  private final Invocations invocations;
  private final RequestValidation validation;
  private final CallerAccess access;
  // One Velocity runtime for the data plane: compiled templates are immutable and thread-safe.
  private final VtlEngine engine = new VtlEngine();
  private final Map<String, Cached> stages = new ConcurrentHashMap<>();

  DataPlane(
      ApiGatewayStore store,
      MethodExecutor executor,
      Invocations invocations,
      RequestValidation validation,
      CallerAccess access) {
    this.store = store;
    this.executor = executor;
    this.invocations = invocations;
    this.validation = validation;
    this.access = access;
  }

  @Override
  public CompletionStage<EmulatorResponse> invoke(
      String restApiId, String stage, String path, EmulatorRequest request) {
    Optional<DeployedStage> deployed = store.deployedStage(restApiId, stage);
    if (deployed.isEmpty()) {
      return CompletableFuture.completedFuture(GatewayResponses.missingToken());
    }
    CompiledApi api = compiled(restApiId + '/' + stage, deployed.get().definition());
    Optional<RouteTree.Match> match = api.routes().match(segments(path), request.method());
    if (match.isEmpty()) {
      return CompletableFuture.completedFuture(GatewayResponses.missingToken());
    }
    Optional<EmulatorResponse> refused = access.refusal(deployed.get(), match.get(), request, path);
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture(refused.get());
    }
    Invocation call =
        invocations.of(
            api,
            match.get(),
            new Invocations.Client(
                restApiId,
                stage,
                request.method(),
                "/" + stage + path,
                request.query(),
                request.headers(),
                request.bodyText()),
            Trace.off());
    // As API Gateway: the caller's access first, then the request's validation.
    Optional<EmulatorResponse> invalid = validation.refusal(call, deployed.get().api().models());
    if (invalid.isPresent()) {
      return CompletableFuture.completedFuture(invalid.get());
    }
    return executor.run(call);
  }

  /** A definition compiled for a one-off run ({@code TestInvokeMethod} on the draft). */
  CompiledApi compileOnce(ApiDefinition definition) {
    return new CompiledApi(definition, engine);
  }

  private CompiledApi compiled(String key, ApiDefinition snapshot) {
    Cached cached = stages.get(key);
    if (cached == null || cached.snapshot() != snapshot) {
      cached = new Cached(snapshot, new CompiledApi(snapshot, engine));
      stages.put(key, cached);
    }
    return cached.api();
  }

  /** The path's segments, each percent-decoded ({@code +} stays a plus in a path). */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(
            raw.indexOf('%') < 0
                ? raw
                : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }
}
