package io.dynagate.emulator.core;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sends each request where it belongs: the emulator's own endpoints, the data plane of deployed
 * stages, or the service named in the SigV4 credential scope. Control-plane calls are counted, held
 * to quotas, delayed and failed as configured, then run on a worker thread.
 */
@ApplicationScoped
public class EmulatorRouter {

  private static final Logger LOG = Logger.getLogger(EmulatorRouter.class);
  private static final Pattern USER_REQUEST =
      Pattern.compile("^/restapis/([^/]+)/([^/]+)/_user_request_(/.*)?$");
  static final String MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}";

  private final Vertx vertx;
  private final Map<String, ControlPlane> planes = new HashMap<>();
  private final DynamoHandler dynamo;
  private final Instance<DataPlaneHandler> dataPlane;
  private final AdminEndpoint admin;
  private final CallCounter calls;
  private final Quotas quotas;
  private final Faults faults;
  private final EmulatorSettings settings;

  public EmulatorRouter(
      Vertx vertx,
      Instance<ControlPlane> planes,
      DynamoHandler dynamo,
      Instance<DataPlaneHandler> dataPlane,
      AdminEndpoint admin,
      CallCounter calls,
      Quotas quotas,
      Faults faults,
      EmulatorSettings settings) {
    this.vertx = vertx;
    planes.forEach(plane -> this.planes.put(plane.service(), plane));
    this.dynamo = dynamo;
    this.dataPlane = dataPlane;
    this.admin = admin;
    this.calls = calls;
    this.quotas = quotas;
    this.faults = faults;
    this.settings = settings;
  }

  /** The answer to one request; never fails (unexpected errors become 500s). */
  public CompletionStage<EmulatorResponse> route(EmulatorRequest request) {
    if (request.rawPath().startsWith("/_emulator/")) {
      if (!request.fromLoopback()) {
        // Counters and fault settings are for tests and benchmarks on this machine only.
        return CompletableFuture.completedFuture(
            EmulatorResponse.json(403, "{\"message\":\"The emulator's own endpoints are local\"}"));
      }
      return vertx.executeBlocking(() -> admin.handle(request), false).toCompletionStage();
    }
    Matcher user = USER_REQUEST.matcher(request.rawPath());
    if (user.matches()) {
      return invokeStage(user, request);
    }
    Optional<String> service = SigV4.service(request.header("Authorization"));
    if (service.isPresent() && service.get().equals("dynamodb")) {
      calls.record("dynamodb", dynamo.operation(request));
      return dynamo.forward(request);
    }
    ControlPlane plane = service.map(planes::get).orElse(null);
    if (plane == null) {
      return CompletableFuture.completedFuture(EmulatorResponse.json(403, MISSING_TOKEN));
    }
    return controlPlane(plane, request);
  }

  private CompletionStage<EmulatorResponse> invokeStage(Matcher user, EmulatorRequest request) {
    if (!dataPlane.isResolvable()) {
      return CompletableFuture.completedFuture(EmulatorResponse.json(403, MISSING_TOKEN));
    }
    String path = user.group(3) == null ? "/" : user.group(3);
    return dataPlane.get().invoke(user.group(1), user.group(2), path, request);
  }

  private CompletionStage<EmulatorResponse> controlPlane(
      ControlPlane plane, EmulatorRequest request) {
    ServiceCall call;
    try {
      call = plane.resolve(request);
    } catch (AwsError e) {
      return CompletableFuture.completedFuture(plane.error(e));
    }
    calls.record(plane.service(), call.operation());
    if (plane.service().equals("apigateway")) {
      Optional<Duration> wait = quotas.acquire(call.operation());
      if (wait.isPresent()) {
        long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
        EmulatorResponse throttled =
            plane.error(new AwsError(429, "TooManyRequestsException", "Too Many Requests"));
        return CompletableFuture.completedFuture(
            throttled.withHeader("Retry-After", Long.toString(seconds)));
      }
    }
    CompletableFuture<EmulatorResponse> answer = new CompletableFuture<>();
    long latency = settings.values().latency().toMillis();
    Runnable run = () -> execute(plane, call, answer);
    if (latency > 0) {
      vertx.setTimer(latency, id -> run.run());
    } else {
      run.run();
    }
    return answer;
  }

  private void execute(
      ControlPlane plane, ServiceCall call, CompletableFuture<EmulatorResponse> answer) {
    vertx
        .executeBlocking(() -> executeNow(plane, call), false)
        .onComplete(result -> answer.complete(result.result()));
  }

  private EmulatorResponse executeNow(ControlPlane plane, ServiceCall call) {
    Optional<AwsError> fault = faults.roll(plane);
    if (fault.isPresent()) {
      return plane.error(fault.get());
    }
    try {
      return plane.execute(call);
    } catch (AwsError e) {
      return plane.error(e);
    } catch (RuntimeException e) {
      LOG.errorf(e, "%s:%s failed", plane.service(), call.operation());
      return plane.error(new AwsError(500, "InternalFailure", "Internal server error"));
    }
  }
}
