package io.dynagate.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the reconciler last observed and did for one declaration. Made through the factories below,
 * each of which names the situation; the ids of what is live carry over from the status before.
 *
 * @param phase where the declaration stands
 * @param observedVersion the declaration version the last pass applied
 * @param drift what the last pass found changed outside Dynagate (REPORT policy), else null
 * @param publicRoutes an API's routes open to anyone who reaches them ({@code NONE}, no resource
 *     policy) as the last pass left them live, as {@code METHOD /path}; null for tables
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Status(
    Phase phase,
    Long observedVersion,
    String message,
    Instant lastReconciledAt,
    String tableArn,
    String restApiId,
    String roleArn,
    String deploymentId,
    String invokeUrl,
    String definitionHash,
    String drift,
    List<String> publicRoutes) {

  public Status {
    publicRoutes = publicRoutes == null ? null : List.copyOf(publicRoutes);
  }

  /** The phases of DESIGN.md, written as their names there. */
  public enum Phase {
    PENDING("Pending"),
    READY("Ready"),
    /** An API without routes: nothing to serve, nothing to do. */
    IDLE("Idle"),
    /** Drift found and, by the API's driftPolicy REPORT, not repaired. */
    DEGRADED("Degraded"),
    /** Something the pass must not touch stands in the way; nothing was applied. */
    BLOCKED("Blocked"),
    ERROR("Error"),
    DELETING("Deleting");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    @JsonValue
    public String label() {
      return label;
    }

    @JsonCreator
    public static Phase of(String label) {
      return Arrays.stream(values())
          .filter(p -> p.label.equals(label))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no phase " + label));
    }
  }

  /** A declaration no pass has seen yet. */
  public static Status pending() {
    return new Status(
        Phase.PENDING,
        null,
        "waiting for the reconciler",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Converged at {@code version}; the live ids are added with {@link #withApi} or table ARN. */
  public static Status ready(long version, String message, Instant at) {
    return new Status(
        Phase.READY, version, message, at, null, null, null, null, null, null, null, null);
  }

  /** A live table. */
  public static Status tableReady(long version, String message, Instant at, String tableArn) {
    return new Status(
        Phase.READY, version, message, at, tableArn, null, null, null, null, null, null, null);
  }

  /** The ids of a live API. */
  public Status withApi(
      String restApiId,
      String roleArn,
      String deploymentId,
      String invokeUrl,
      String definitionHash) {
    return new Status(
        phase,
        observedVersion,
        message,
        lastReconciledAt,
        tableArn,
        restApiId,
        roleArn,
        deploymentId,
        invokeUrl,
        definitionHash,
        drift,
        publicRoutes);
  }

  /** The routes open to anyone, as the pass left them live. */
  public Status withPublicRoutes(List<String> routes) {
    return new Status(
        phase,
        observedVersion,
        message,
        lastReconciledAt,
        tableArn,
        restApiId,
        roleArn,
        deploymentId,
        invokeUrl,
        definitionHash,
        drift,
        routes);
  }

  /** The pass failed: what was live stays reported. */
  public Status failed(String why, Instant at) {
    return next(Phase.ERROR, observedVersion, why, at, null);
  }

  /** A resource refused a change, decided before any was made. */
  public Status blocked(long version, String why, Instant at) {
    return next(Phase.BLOCKED, version, why, at, null);
  }

  /** No routes: nothing to serve, and nothing left to do once the stage is gone. */
  public Status idle(long version, Instant at) {
    return next(Phase.IDLE, version, "no routes declared: nothing to serve", at, null)
        .withPublicRoutes(List.of());
  }

  /** Drift found and only reported. */
  public Status degraded(String found, Instant at) {
    return next(Phase.DEGRADED, observedVersion, "drift found (driftPolicy REPORT)", at, found);
  }

  /** Deletion asked for, not done yet. */
  public Status deleting() {
    return next(Phase.DELETING, observedVersion, "deletion requested", lastReconciledAt, drift);
  }

  private Status next(Phase phase, Long version, String message, Instant at, String drift) {
    return new Status(
        phase,
        version,
        message,
        at,
        tableArn,
        restApiId,
        roleArn,
        deploymentId,
        invokeUrl,
        definitionHash,
        drift,
        publicRoutes);
  }
}
