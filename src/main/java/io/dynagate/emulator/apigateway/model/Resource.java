package io.dynagate.emulator.apigateway.model;

import java.util.Map;

/**
 * A node of the API's path tree.
 *
 * @param id 10 lower-case alphanumerics
 * @param parentId the parent's id, null for the root
 * @param pathPart the last segment, e.g. {@code {userId}}; null for the root
 * @param path the full path, e.g. {@code /users/{userId}}
 * @param resourceMethods methods by HTTP method
 */
public record Resource(
    String id, String parentId, String pathPart, String path, Map<String, Method> resourceMethods) {

  public Resource {
    resourceMethods = Maps.methods(resourceMethods);
  }

  public static Resource root(String id) {
    return new Resource(id, null, null, "/", Map.of());
  }

  public Resource withMethod(Method method) {
    return new Resource(
        id, parentId, pathPart, path, Maps.with(resourceMethods, method.httpMethod(), method));
  }

  public Resource withoutMethod(String httpMethod) {
    return new Resource(id, parentId, pathPart, path, Maps.without(resourceMethods, httpMethod));
  }
}
