package io.dynagate.emulator.apigateway;

import io.dynagate.config.DynagateConfig;
import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.DeployedStage;
import io.dynagate.emulator.apigateway.model.Deployment;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import io.dynagate.emulator.core.StateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The emulator's REST APIs, in memory and in {@code DATA_DIR/emulator/apigateway/} (one file per
 * API, written atomically). Reads see immutable values and never lock; writes are serialised. The
 * data plane reads {@link #deployedStage} and, for test invocations, {@link #draft}.
 */
@ApplicationScoped
public class ApiGatewayStore {

  private final String accountId;
  private final StateFiles<RestApi> files;
  private final Map<String, RestApi> apis = new ConcurrentHashMap<>();

  @Inject
  public ApiGatewayStore(DynagateConfig config) {
    this(
        config.emulator().accountId(),
        new StateFiles<>(
            config.dataDir().resolve("emulator").resolve("apigateway"), RestApi.class));
  }

  ApiGatewayStore(String accountId, StateFiles<RestApi> files) {
    this.accountId = accountId;
    this.files = files;
    files.loadAll().forEach(api -> apis.put(api.id(), api));
  }

  /** An API by id. */
  public Optional<RestApi> restApi(String id) {
    return Optional.ofNullable(apis.get(id));
  }

  /** Every API, oldest first. */
  public List<RestApi> restApis() {
    return apis.values().stream()
        .sorted(Comparator.comparing(RestApi::createdDate).thenComparing(RestApi::id))
        .toList();
  }

  /** The deployment a stage points at, as the data plane must run it. */
  public Optional<DeployedStage> deployedStage(String restApiId, String stageName) {
    RestApi api = apis.get(restApiId);
    if (api == null) {
      return Optional.empty();
    }
    Stage stage = api.stages().get(stageName);
    Deployment deployment = stage == null ? null : api.deployments().get(stage.deploymentId());
    return deployment == null
        ? Optional.empty()
        : Optional.of(new DeployedStage(api, stage, deployment));
  }

  /** The current, undeployed definition (what {@code TestInvokeMethod} runs). */
  public Optional<ApiDefinition> draft(String restApiId) {
    return restApi(restApiId).map(RestApi::draft);
  }

  /** The API, or AWS's error for an unknown id. */
  RestApi require(String id) {
    return restApi(id).orElseThrow(() -> ApiGatewayErrors.noSuchApi(accountId, id));
  }

  synchronized void put(RestApi api) {
    files.write(api.id(), api);
    apis.put(api.id(), api);
  }

  /** Applies a change to one API and stores the result; the change may throw to refuse. */
  synchronized RestApi update(String id, UnaryOperator<RestApi> change) {
    RestApi current = apis.get(id);
    if (current == null) {
      throw ApiGatewayErrors.noSuchApi(accountId, id);
    }
    RestApi next = change.apply(current);
    put(next);
    return next;
  }

  synchronized void delete(String id) {
    if (apis.remove(id) == null) {
      throw ApiGatewayErrors.noSuchApi(accountId, id);
    }
    files.delete(id);
  }
}
