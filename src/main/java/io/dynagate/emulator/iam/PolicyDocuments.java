package io.dynagate.emulator.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.core.AwsError;

/** The checks IAM makes on a policy document before storing it. */
final class PolicyDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /** The document as given, when it is a JSON object with a {@code Statement}. */
  static String require(String document, String parameter) {
    if (document == null || document.isBlank()) {
      throw new AwsError(
          400,
          "ValidationError",
          "1 validation error detected: Value null at '"
              + parameter
              + "' failed to satisfy constraint: Member must not be null");
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      throw new AwsError(400, "MalformedPolicyDocument", "This policy contains invalid Json");
    }
    if (tree == null || !tree.isObject()) {
      throw new AwsError(400, "MalformedPolicyDocument", "This policy contains invalid Json");
    }
    JsonNode statement = tree.get("Statement");
    if (statement == null || !(statement.isArray() || statement.isObject())) {
      throw new AwsError(400, "MalformedPolicyDocument", "Syntax errors in policy.");
    }
    return document;
  }
}
