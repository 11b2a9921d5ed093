package io.dynagate.declaration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A REST API declaration. Absent optional fields take the defaults of the accessors below.
 *
 * @param access who may call the routes (authorization, resource policy, per-route overrides)
 * @param vpcEndpointIds the VPC endpoints a {@code PRIVATE} endpoint serves
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiSpec(
    String stage,
    String description,
    EndpointType endpointType,
    Cors cors,
    Throttling throttling,
    DriftPolicy driftPolicy,
    AccessSpec access,
    List<String> vpcEndpointIds) {

  public static final String DEFAULT_STAGE = "dev";

  /** An API without an access block: open routes, no resource policy. */
  public ApiSpec(
      String stage,
      String description,
      EndpointType endpointType,
      Cors cors,
      Throttling throttling,
      DriftPolicy driftPolicy) {
    this(stage, description, endpointType, cors, throttling, driftPolicy, null, null);
  }

  public enum EndpointType {
    REGIONAL,
    EDGE,
    PRIVATE
  }

  /** On drift: repair it (default) or only report it in status and events. */
  public enum DriftPolicy {
    REPAIR,
    REPORT
  }

  /**
   * CORS answered by the API: the allowed origins (e.g. {@code ["https://app.example.com"]} or
   * {@code ["*"]}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cors(List<String> allowOrigins, List<String> allowHeaders, Integer maxAgeSeconds) {}

  /** Stage-wide throttling: steady requests per second and burst. */
  public record Throttling(Double rateLimit, Integer burstLimit) {}

  public String stageOrDefault() {
    return stage == null ? DEFAULT_STAGE : stage;
  }

  public EndpointType endpointTypeOrDefault() {
    return endpointType == null ? EndpointType.REGIONAL : endpointType;
  }

  public DriftPolicy driftPolicyOrDefault() {
    return driftPolicy == null ? DriftPolicy.REPAIR : driftPolicy;
  }
}
