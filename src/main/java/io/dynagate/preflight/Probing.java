package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What a probe works with: the deployed stage, the shadow's tables (to set an item up before a
 * write and to read what a write left) and its call counts, and the credentials made for this run.
 *
 * @param nonce unique to this run, so that the keys write probes make are new
 */
record Probing(StageClient stage, ShadowAws aws, String nonce, ShadowCallers callers) {

  void put(String table, JsonNode typedItem) {
    aws.putItem(table, typedItem);
  }

  /** The stored item under this key, in DynamoDB's typed JSON. */
  Optional<JsonNode> get(String table, Map<String, JsonNode> key) {
    return aws.getItem(table, key);
  }

  /** The DynamoDB calls the shadow has received so far, the stage's included. */
  long dynamoCalls() {
    return aws.dynamoCalls();
  }

  /** The same, the stage called as {@code caller}. */
  Probing as(Caller caller) {
    return new Probing(stage.as(caller), aws, nonce, callers);
  }
}
