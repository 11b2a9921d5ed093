package io.dynagate.emulator.apigateway.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An API's resources with their methods, integrations and responses: the draft that control-plane
 * calls edit, and, frozen in a {@link Deployment}, what a stage serves. Immutable.
 *
 * @param rootResourceId the id of {@code /}
 * @param resources by id
 */
public record ApiDefinition(String rootResourceId, Map<String, Resource> resources) {

  public ApiDefinition {
    resources = Maps.copy(withCacheNamespaces(resources));
  }

  /**
   * AWS gives every integration its resource's id as cache namespace unless told otherwise;
   * settling it here covers PutIntegration and imports alike.
   */
  private static Map<String, Resource> withCacheNamespaces(Map<String, Resource> resources) {
    if (resources == null) {
      return null;
    }
    Map<String, Resource> out = new LinkedHashMap<>();
    resources.forEach(
        (id, resource) -> {
          Resource settled = resource;
          for (Method method : resource.resourceMethods().values()) {
            Integration integration = method.methodIntegration();
            if (integration != null && integration.cacheNamespace() == null) {
              settled =
                  settled.withMethod(method.withIntegration(integration.withCacheNamespace(id)));
            }
          }
          out.put(id, settled);
        });
    return out;
  }

  /** A definition with only the root resource. */
  public static ApiDefinition empty(String rootResourceId) {
    return new ApiDefinition(rootResourceId, Map.of(rootResourceId, Resource.root(rootResourceId)));
  }

  public Optional<Resource> resource(String id) {
    return Optional.ofNullable(resources.get(id));
  }

  public Optional<Resource> resourceByPath(String path) {
    return resources.values().stream().filter(r -> r.path().equals(path)).findFirst();
  }

  /** Every resource, ordered by path. */
  public List<Resource> byPath() {
    return resources.values().stream().sorted(Comparator.comparing(Resource::path)).toList();
  }

  public List<Resource> children(String parentId) {
    return resources.values().stream().filter(r -> parentId.equals(r.parentId())).toList();
  }

  /** Whether any resource has a method: API Gateway deploys nothing else. */
  public boolean hasMethods() {
    return resources.values().stream().anyMatch(r -> !r.resourceMethods().isEmpty());
  }

  /** This definition with a resource added or replaced. */
  public ApiDefinition with(Resource resource) {
    return new ApiDefinition(rootResourceId, Maps.with(resources, resource.id(), resource));
  }

  /** This definition without a resource and everything under it. */
  public ApiDefinition without(String resourceId) {
    Set<String> gone = new HashSet<>();
    List<String> pending = new ArrayList<>(List.of(resourceId));
    while (!pending.isEmpty()) {
      String id = pending.remove(pending.size() - 1);
      gone.add(id);
      children(id).forEach(child -> pending.add(child.id()));
    }
    Map<String, Resource> kept = new LinkedHashMap<>(resources);
    kept.keySet().removeAll(gone);
    return new ApiDefinition(rootResourceId, kept);
  }

  /**
   * This definition with a resource under another parent or with another path part, the paths of
   * everything under it following.
   */
  public ApiDefinition moved(String resourceId, String parentId, String pathPart) {
    Map<String, Resource> next = new LinkedHashMap<>(resources);
    Resource parent = resources.get(parentId);
    String prefix = parent.path().equals("/") ? "" : parent.path();
    List<Resource> pending = new ArrayList<>();
    Resource old = resources.get(resourceId);
    pending.add(
        new Resource(
            resourceId, parentId, pathPart, prefix + "/" + pathPart, old.resourceMethods()));
    while (!pending.isEmpty()) {
      Resource current = pending.remove(pending.size() - 1);
      next.put(current.id(), current);
      for (Resource child : children(current.id())) {
        pending.add(
            new Resource(
                child.id(),
                current.id(),
                child.pathPart(),
                current.path() + "/" + child.pathPart(),
                child.resourceMethods()));
      }
    }
    return new ApiDefinition(rootResourceId, next);
  }
}
