package io.dynagate.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the reconciler last observed and did for one declaration.
 *
 * @param phase {@code Pending}, {@code Ready}, {@code Error} or {@code Deleting}
 * @param observedVersion the declaration version the last pass applied
 * @param drift what the last pass found changed outside Dynagate (REPORT policy), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Status(
    String phase,
    Long observedVersion,
    String message,
    Instant lastReconciledAt,
    String tableArn,
    String restApiId,
    String roleArn,
    String deploymentId,
    String invokeUrl,
    String definitionHash,
    String drift) {

  public static final String PENDING = "Pending";
  public static final String READY = "Ready";
  public static final String ERROR = "Error";
  public static final String DELETING = "Deleting";

  public static Status pending() {
    return new Status(
        PENDING,
        null,
        "waiting for the reconciler",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public Status withPhase(String newPhase, String newMessage) {
    return new Status(
        newPhase,
        observedVersion,
        newMessage,
        lastReconciledAt,
        tableArn,
        restApiId,
        roleArn,
        deploymentId,
        invokeUrl,
        definitionHash,
        drift);
  }
}
