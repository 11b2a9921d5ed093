package io.dynagate.reconcile;

import io.dynagate.store.Events;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Applies one decision through its dependent, and says what happened once: one log line per
 * decision (API, resource, outcome, duration, AWS request id on failure) and one event per change.
 */
@ApplicationScoped
public class Steps {

  private static final Logger LOG = Logger.getLogger(Steps.class);

  private final Events events;

  public Steps(Events events) {
    this.events = events;
  }

  /**
   * A decision of an API's pass; each change made is an event of the API.
   *
   * @param restApiId the REST API the resource lives in (from the definition's result), or null
   */
  public Result apply(
      String api, String pass, Dependent dependent, Decision decision, String restApiId) {
    Result result = run("api " + api, dependent, decision, restApiId);
    decision.changes().forEach(c -> events.record(api, "change", c.describe(), pass));
    return result;
  }

  /** A decision of a table declaration's own pass (tables have no event log). */
  public Result apply(Dependent dependent, Decision decision) {
    return run("table declaration", dependent, decision, null);
  }

  private static Result run(
      String subject, Dependent dependent, Decision decision, String restApiId) {
    long started = System.nanoTime();
    try {
      Result result = dependent.apply(decision, restApiId);
      log(subject, result, started);
      return result;
    } catch (AwsFailure e) {
      LOG.infof(
          "%s: %s failed after %d ms (AWS request %s): %s",
          subject, decision.resource(), millisSince(started), e.requestId(), e.getMessage());
      throw e;
    }
  }

  private static void log(String subject, Result result, long started) {
    String detail = result.detail() == null ? "" : ": " + result.detail();
    if (result.outcome() == Outcome.UNCHANGED) {
      LOG.debugf("%s: %s unchanged%s", subject, result.resource(), detail);
    } else {
      LOG.infof(
          "%s: %s %s in %d ms%s",
          subject,
          result.resource(),
          result.outcome().name().toLowerCase(Locale.ROOT),
          millisSince(started),
          detail);
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
