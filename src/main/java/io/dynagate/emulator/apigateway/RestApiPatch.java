package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UpdateRestApi's patch operations as AWS applies them: header fields, {@code binaryMediaTypes}
 * addressed like object keys ({@code /binaryMediaTypes/image~1png}), endpoint type, VPC endpoints
 * and IP address type, and the compression threshold, with AWS's texts for what it refuses.
 */
final class RestApiPatch {

  private static final Set<String> OPERATIONS =
      Set.of("add", "remove", "move", "test", "replace", "copy");
  private static final Set<String> TYPES = Set.of("REGIONAL", "EDGE", "PRIVATE");
  private static final String MEDIA = "/binaryMediaTypes/";
  private static final String TYPE = "/endpointConfiguration/types/";
  private static final String VPC_ENDPOINTS = "/endpointConfiguration/vpcEndpointIds";

  private RestApiPatch() {}

  /** AWS refuses every operation name outside JSON Patch's before looking at anything else. */
  static void checkOperations(JsonNode operations) {
    List<String> violations = operationViolations(operations, "updateRestApiInput");
    if (!violations.isEmpty()) {
      throw RestApiSettings.validation(violations);
    }
  }

  /** The violations AWS lists for operation names outside JSON Patch's, for the named input. */
  static List<String> operationViolations(JsonNode operations, String input) {
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      String op = operations.get(i).path("op").asText();
      if (!OPERATIONS.contains(op)) {
        violations.add(
            "Value '"
                + op
                + "' at '"
                + input
                + ".patchOperations."
                + (i + 1)
                + ".member.op' failed to satisfy constraint: Member must satisfy enum value set:"
                + " [add, remove, move, test, replace, copy]");
      }
    }
    return violations;
  }

  static RestApi apply(RestApi api, JsonNode operation) {
    String op = operation.path("op").asText();
    String path = operation.path("path").asText();
    String value = ApiGatewayJson.text(operation, "value");
    if (path.startsWith(MEDIA)) {
      return media(api, op, unescape(path.substring(MEDIA.length())), value);
    }
    return switch (path) {
      case "/name" ->
          api.withHeader(
              value, api.description(), api.version(), api.binaryMediaTypes(), api.models());
      case "/description" ->
          api.withHeader(
              api.name(),
              op.equals("remove") ? null : value,
              api.version(),
              api.binaryMediaTypes(),
              api.models());
      case "/version" ->
          api.withHeader(
              api.name(), api.description(), value, api.binaryMediaTypes(), api.models());
      case "/minimumCompressionSize" -> compression(api, op, value);
      case "/policy" -> api.withPolicy(op.equals("remove") ? null : value);
      case "/endpointConfiguration/ipAddressType" -> ipAddressType(api, op, value);
      case VPC_ENDPOINTS -> vpcEndpoints(api, op, value);
      default -> {
        // AWS documents the type's own name as the index, its recordings show 0: both are taken
        if (path.startsWith(TYPE) && isTypeIndex(api, path.substring(TYPE.length()))) {
          yield endpointType(api, op, value);
        }
        throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
      }
    };
  }

  private static RestApi media(RestApi api, String op, String type, String value) {
    List<String> media = new ArrayList<>(api.binaryMediaTypes());
    switch (op) {
      case "add" -> media.add(type);
      case "remove" -> media.remove(type);
      case "replace" -> {
        media.remove(type);
        media.add(value);
      }
      default -> throw replaceAddRemoveOnly();
    }
    return api.withHeader(api.name(), api.description(), api.version(), media, api.models());
  }

  private static RestApi compression(RestApi api, String op, String value) {
    if (!op.equals("replace")) {
      throw replaceOnly();
    }
    Integer size = null;
    if (value != null && !value.isEmpty()) {
      try {
        size = Integer.valueOf(value);
      } catch (NumberFormatException notANumber) {
        throw RestApiSettings.badCompression();
      }
    }
    if (size != null && (size < 0 || size > RestApiSettings.MAX_COMPRESSION)) {
      throw RestApiSettings.badCompression();
    }
    return api.withSettings(api.endpointTypes(), api.ipAddressType(), size);
  }

  private static RestApi endpointType(RestApi api, String op, String value) {
    if (!op.equals("replace")) {
      throw replaceAddRemoveOnly();
    }
    if (value == null || !TYPES.contains(value)) {
      throw ApiGatewayErrors.badRequest(
          "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE");
    }
    // a private API is reachable over dualstack only, so the type change brings the IP type along
    String ip = value.equals("PRIVATE") ? "dualstack" : api.ipAddressType();
    return api.withSettings(List.of(value), ip, api.minimumCompressionSize());
  }

  private static boolean isTypeIndex(RestApi api, String index) {
    return index.equals("0") || api.endpointTypes().contains(index);
  }

  /** One VPC endpoint added or removed per operation; adding one already there changes nothing. */
  private static RestApi vpcEndpoints(RestApi api, String op, String value) {
    if (value == null || value.isEmpty()) {
      throw ApiGatewayErrors.badRequest("Invalid VPC endpoint id specified");
    }
    List<String> ids = new ArrayList<>(api.vpcEndpointIds());
    switch (op) {
      case "add" -> {
        if (!ids.contains(value)) {
          ids.add(value);
        }
      }
      case "remove" -> ids.remove(value);
      default -> throw replaceAddRemoveOnly();
    }
    return api.withVpcEndpointIds(ids);
  }

  private static RestApi ipAddressType(RestApi api, String op, String value) {
    if (!op.equals("replace")) {
      throw replaceOnly();
    }
    if (!"ipv4".equals(value) && !"dualstack".equals(value)) {
      throw ApiGatewayErrors.badRequest("ipAddressType must be either ipv4 or dualstack.");
    }
    RestApiSettings settings =
        RestApiSettings.checked(api.endpointTypes(), value, api.minimumCompressionSize());
    return api.withSettings(
        settings.types(), settings.ipAddressType(), settings.minimumCompressionSize());
  }

  private static RuntimeException replaceOnly() {
    return ApiGatewayErrors.badRequest(
        "Invalid patch operation specified. Must be one of: [replace]");
  }

  private static RuntimeException replaceAddRemoveOnly() {
    return ApiGatewayErrors.badRequest(
        "Invalid patch operation specified. Must be 'add'|'remove'|'replace'");
  }

  /** JSON Pointer's escapes: {@code ~1} is {@code /}, {@code ~0} is {@code ~}. */
  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
