package io.dynagate.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** API Gateway REST APIs, their definition, stage and deployments. */
public interface RestApiPort {

  Optional<LiveRestApi> get(String id);

  /** Every REST API carrying the tag {@code key=value} (how a crashed pass's API is adopted). */
  List<LiveRestApi> findTagged(String key, String value);

  LiveRestApi create(String name, String description, Endpoint endpoint, Map<String, String> tags);

  /** Changes the REST API's endpoint type and VPC endpoints from {@code live} to {@code wanted}. */
  void updateEndpoint(String id, Endpoint live, Endpoint wanted);

  /** Replaces the API's whole definition with an OpenAPI 3 document (PutRestApi overwrite). */
  void put(String id, String openApi);

  /** The live methods and integrations of the API's draft, comparable with a desired shape. */
  ApiShape shape(String id);

  Optional<LiveStage> stage(String id, String stage);

  /** Creates a deployment of the draft to the stage (creating the stage), returns its id. */
  String deploy(String id, String stage, String description);

  /** Sets the throttling of every method of the stage. */
  void throttle(String id, String stage, Desired.Throttling throttling);

  /**
   * The per-method throttling of a stage (its method settings other than {@code *}/{@code *}),
   * keyed by the method's patch path {@code /~1RESOURCE~1PATH/METHOD}; empty when the stage is not.
   */
  Map<String, Desired.Throttling> methodThrottles(String id, String stage);

  /** Sets one method's throttling, {@code key} as in {@link #methodThrottles}. */
  void throttleMethod(String id, String stage, String key, Desired.Throttling throttling);

  void deleteStage(String id, String stage);

  void delete(String id);

  /** The URL the stage answers on. */
  String invokeUrl(String id, String stage);

  record LiveRestApi(String id, String name, Map<String, String> tags, Endpoint endpoint) {}

  /**
   * Where a REST API answers: its endpoint type ({@code REGIONAL}, {@code EDGE}, {@code PRIVATE})
   * and, for a private one, the VPC endpoints it is associated with (order does not matter).
   */
  record Endpoint(String type, List<String> vpcEndpointIds) {
    public Endpoint {
      vpcEndpointIds =
          vpcEndpointIds == null ? List.of() : List.copyOf(new TreeSet<>(vpcEndpointIds));
    }

    @Override
    public String toString() {
      return vpcEndpointIds.isEmpty() ? type : type + " " + vpcEndpointIds;
    }
  }

  /** A stage and the description of the deployment it points at (which carries our hash). */
  record LiveStage(
      String name,
      String deploymentId,
      String deploymentDescription,
      Desired.Throttling throttling) {}
}
