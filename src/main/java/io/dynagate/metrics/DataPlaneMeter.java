package io.dynagate.metrics;

import io.dynagate.emulator.core.DataPlaneHandler;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every request to a deployed stage of the emulator by the class of its answer ({@code 2xx},
 * {@code 4xx}, {@code 5xx}): {@code dynagate_dataplane_requests_seconds} in Prometheus. Not by API
 * or stage: both come from the URL, and a caller inventing ids would make series without bound. A
 * decorator, so that the data plane itself stays free of metrics code.
 */
@Decorator
@Priority(10)
public class DataPlaneMeter implements DataPlaneHandler {

  static final String METER = "dynagate.dataplane.requests";

  @Inject @Delegate DataPlaneHandler delegate;

  @Inject MeterRegistry registry;

  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<EmulatorResponse> invoke(
      String restApiId, String stage, String path, EmulatorRequest request) {
    Timer.Sample sample = Timer.start(registry);
    return delegate
        .invoke(restApiId, stage, path, request)
        .whenComplete((answer, failure) -> sample.stop(timer(statusClass(answer, failure))));
  }

  /** The timer of one status class, registered once rather than looked up on every request. */
  private Timer timer(String statusClass) {
    return timers.computeIfAbsent(
        statusClass,
        status ->
            Timer.builder(METER)
                .description("Requests to deployed stages of the local emulator")
                .tag("status", status)
                .publishPercentileHistogram()
                .register(registry));
  }

  private static String statusClass(EmulatorResponse answer, Throwable failure) {
    return failure != null || answer == null ? "5xx" : (answer.status() / 100) + "xx";
  }
}
