package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.core.AwsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A REST API's endpoint and compression settings, checked as AWS checks them: first the members'
 * value sets (one {@code ValidationException} naming every bad member), then the rules between
 * members, each a {@code BadRequestException} with AWS's own text.
 *
 * @param types endpoint types, exactly one
 * @param ipAddressType {@code ipv4} or {@code dualstack}
 * @param minimumCompressionSize null when compression is off
 */
record RestApiSettings(List<String> types, String ipAddressType, Integer minimumCompressionSize) {

  static final int MAX_COMPRESSION = 10_485_760;
  private static final Set<String> TYPES = Set.of("PRIVATE", "EDGE", "REGIONAL");
  private static final Set<String> IP_TYPES = Set.of("ipv4", "dualstack");

  /** The settings of a CreateRestApi body, or the error AWS answers. */
  static RestApiSettings ofCreate(JsonNode body) {
    JsonNode endpoint = body.path("endpointConfiguration");
    List<String> types =
        endpoint.has("types") ? ApiGatewayJson.stringList(endpoint, "types") : List.of("EDGE");
    String ipType = ApiGatewayJson.text(endpoint, "ipAddressType");
    List<String> violations = new ArrayList<>();
    if (!TYPES.containsAll(types)) {
      violations.add(
          "Value '"
              + types.toString().replace(" ", "")
              + "' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy"
              + " constraint: Member must satisfy constraint: [Member must satisfy enum value set:"
              + " [PRIVATE, EDGE, REGIONAL]]");
    }
    if (ipType != null && !IP_TYPES.contains(ipType)) {
      violations.add(
          "Value '"
              + ipType
              + "' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy"
              + " constraint: Member must satisfy enum value set: [ipv4, dualstack]");
    }
    if (!violations.isEmpty()) {
      throw validation(violations);
    }
    if ("".equals(ApiGatewayJson.text(body, "description"))) {
      throw ApiGatewayErrors.badRequest("Description cannot be an empty string");
    }
    Integer compression =
        body.has("minimumCompressionSize") ? body.path("minimumCompressionSize").asInt() : null;
    if (compression != null && (compression < 0 || compression > MAX_COMPRESSION)) {
      throw badCompression();
    }
    return checked(types, ipType, compression);
  }

  /** The rules between members, shared by create and update. */
  static RestApiSettings checked(List<String> types, String ipType, Integer compression) {
    if (types.isEmpty()) {
      throw ApiGatewayErrors.badRequest(
          "REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.");
    }
    if (types.size() > 1) {
      throw ApiGatewayErrors.badRequest("Cannot create an api with multiple Endpoint Types.");
    }
    boolean isPrivate = types.get(0).equals("PRIVATE");
    String ip = ipType != null ? ipType : isPrivate ? "dualstack" : "ipv4";
    if (isPrivate && !ip.equals("dualstack")) {
      throw ApiGatewayErrors.badRequest(
          "Only dualstack ipAddressType is supported for Private APIs.");
    }
    return new RestApiSettings(List.copyOf(types), ip, compression);
  }

  static AwsError badCompression() {
    return ApiGatewayErrors.badRequest(
        "Invalid minimum compression size, must be between 0 and " + MAX_COMPRESSION);
  }

  static AwsError validation(List<String> violations) {
    int n = violations.size();
    return new AwsError(
        400,
        "ValidationException",
        n
            + (n == 1 ? " validation error detected: " : " validation errors detected: ")
            + String.join("; ", violations));
  }
}
