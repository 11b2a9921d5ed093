package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API's resources as API Gateway matches a request path against them: segment by segment, a
 * literal child before a {@code {param}} child before a greedy {@code {proxy+}} child, backing off
 * when a branch cannot take the rest of the path or has no method for the request (so a {@code
 * {proxy+}} sibling answers what its literal sibling does not). The method: the request's, else
 * {@code ANY}.
 */
final class RouteTree {

  /** The resource and method a request runs, with the path parameters (decoded). */
  record Match(Resource resource, Method method, Map<String, String> pathParameters) {}

  private static final class Node {
    final Resource resource;
    final Map<String, Node> literals = new HashMap<>();
    Node parameter;
    Node greedy;

    Node(Resource resource) {
      this.resource = resource;
    }

    String name() {
      String part = resource.pathPart();
      return part.substring(1, part.length() - (part.endsWith("+}") ? 2 : 1));
    }
  }

  private final Node root;

  private RouteTree(Node root) {
    this.root = root;
  }

  static RouteTree of(ApiDefinition definition) {
    Map<String, List<Resource>> children = new HashMap<>();
    definition
        .resources()
        .values()
        .forEach(
            r -> {
              if (r.parentId() != null) {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
              }
            });
    Resource top = definition.resources().get(definition.rootResourceId());
    return new RouteTree(top == null ? null : node(top, children));
  }

  private static Node node(Resource resource, Map<String, List<Resource>> children) {
    Node node = new Node(resource);
    for (Resource child : children.getOrDefault(resource.id(), List.of())) {
      Node sub = node(child, children);
      String part = child.pathPart();
      if (part.endsWith("+}")) {
        node.greedy = sub;
      } else if (part.startsWith("{") && part.endsWith("}")) {
        node.parameter = sub;
      } else {
        node.literals.put(part, sub);
      }
    }
    return node;
  }

  /** The method a request runs, if any: API Gateway answers 403 otherwise. */
  Optional<Match> match(List<String> segments, String httpMethod) {
    if (root == null) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Node found = walk(root, segments, 0, httpMethod, parameters);
    if (found == null) {
      return Optional.empty();
    }
    Map<String, Method> methods = found.resource.resourceMethods();
    Method method = methods.get(httpMethod);
    if (method == null) {
      method = methods.get("ANY");
    }
    return method == null
        ? Optional.empty()
        : Optional.of(new Match(found.resource, method, parameters));
  }

  private static Node walk(
      Node node, List<String> segments, int at, String httpMethod, Map<String, String> params) {
    if (at == segments.size()) {
      return serves(node, httpMethod) ? node : null;
    }
    String segment = segments.get(at);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      Node found = walk(literal, segments, at + 1, httpMethod, params);
      if (found != null) {
        return found;
      }
    }
    if (node.parameter != null) {
      params.put(node.parameter.name(), segment);
      Node found = walk(node.parameter, segments, at + 1, httpMethod, params);
      if (found != null) {
        return found;
      }
      params.remove(node.parameter.name());
    }
    if (node.greedy != null && serves(node.greedy, httpMethod)) {
      params.put(node.greedy.name(), String.join("/", segments.subList(at, segments.size())));
      return node.greedy;
    }
    return null;
  }

  private static boolean serves(Node node, String httpMethod) {
    Map<String, Method> methods = node.resource.resourceMethods();
    return methods.containsKey(httpMethod) || methods.containsKey("ANY");
  }
}
