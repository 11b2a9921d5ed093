package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.DeployedStage;
import io.dynagate.emulator.apigateway.model.Deployment;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.StateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The emulator's REST APIs, in memory and under {@code DATA_DIR/emulator/apigateway/}: one file per
 * API, and one per deployment, written once, because snapshots pile up with every reconcile and
 * rewriting them on each change would grow without bound. Reads see immutable values and never
 * lock; writes are serialised. The data plane reads {@link #deployedStage} and, for test
 * invocations, {@link #draft}.
 */
@ApplicationScoped
public class ApiGatewayStore {

  /** A deployment on disk, with the API it belongs to. */
  record StoredDeployment(String restApiId, Deployment deployment) {}

  private final String accountId;
  private final StateFiles<RestApi> apiFiles;
  private final StateFiles<StoredDeployment> deploymentFiles;
  private final Map<String, RestApi> apis = new ConcurrentHashMap<>();

  @Inject
  public ApiGatewayStore(EmulatorSettings settings) {
    this(settings.accountId(), settings.stateDir().resolve("apigateway"));
  }

  ApiGatewayStore(String accountId, Path dir) {
    this.accountId = accountId;
    this.apiFiles = new StateFiles<>(dir.resolve("apis"), RestApi.class);
    this.deploymentFiles = new StateFiles<>(dir.resolve("deployments"), StoredDeployment.class);
    load();
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
    Map<String, Deployment> before =
        apis.containsKey(api.id()) ? apis.get(api.id()).deployments() : Map.of();
    api.deployments()
        .forEach(
            (id, deployment) -> {
              if (!before.containsKey(id)) {
                deploymentFiles.write(
                    api.id() + "." + id, new StoredDeployment(api.id(), deployment));
              }
            });
    before.keySet().stream()
        .filter(id -> !api.deployments().containsKey(id))
        .forEach(id -> deploymentFiles.delete(api.id() + "." + id));
    apiFiles.write(api.id(), api.withDeployments(Map.of()));
    apis.put(api.id(), api);
  }

  /** Applies a change to one API and stores the result; the change may throw to refuse. */
  synchronized RestApi update(String id, UnaryOperator<RestApi> change) {
    RestApi next = change.apply(require(id));
    put(next);
    return next;
  }

  synchronized void delete(String id) {
    RestApi api = require(id);
    apiFiles.delete(id);
    api.deployments()
        .keySet()
        .forEach(deploymentId -> deploymentFiles.delete(id + "." + deploymentId));
    apis.remove(id);
  }

  private void load() {
    Map<String, Map<String, Deployment>> deployments = new HashMap<>();
    for (StoredDeployment stored : deploymentFiles.loadAll()) {
      deployments
          .computeIfAbsent(stored.restApiId(), key -> new HashMap<>())
          .put(stored.deployment().id(), stored.deployment());
    }
    for (RestApi api : apiFiles.loadAll()) {
      apis.put(api.id(), api.withDeployments(deployments.getOrDefault(api.id(), Map.of())));
    }
  }
}
