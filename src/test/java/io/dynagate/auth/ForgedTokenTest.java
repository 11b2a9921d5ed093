package io.dynagate.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.OwnTokens;
import io.dynagate.support.Teams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Whoever reaches the emulator's port must not forge a team token by writing the registry through
 * its DynamoDB endpoint, as an attacker with a local AWS CLI would.
 */
@QuarkusTest
@OwnTokens
@QuarkusTestResource(FreshDataDir.class)
class ForgedTokenTest {

  @Inject EmbeddedEngine engine;
  @Inject DynagateConfig config;

  @Test
  void aTokenWrittenThroughTheEmulatorIsRefusedThereAndNotAccepted() {
    Teams.create("victims");
    TeamToken forged = TeamToken.generate();
    byte[] salt = Secrets.salt();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS("token"));
    item.put("sk", AttributeValue.fromS(forged.id()));
    item.put("team", AttributeValue.fromS("victims"));
    item.put("salt", AttributeValue.fromS(Base64.getEncoder().encodeToString(salt)));
    item.put(
        "hmac",
        AttributeValue.fromS(
            Base64.getEncoder().encodeToString(Secrets.hmac(salt, forged.secret()))));
    item.put("createdAt", AttributeValue.fromS(Instant.now().toString()));
    item.put("createdBy", AttributeValue.fromS("admin"));
    String registry = config.registry().table();
    try (DynamoDbClient dynamo = throughEmulator()) {
      List<Runnable> writes =
          List.of(
              () -> dynamo.putItem(b -> b.tableName(registry).item(item)),
              () ->
                  dynamo.batchWriteItem(
                      b ->
                          b.requestItems(
                              Map.of(
                                  registry,
                                  List.of(
                                      WriteRequest.builder()
                                          .putRequest(p -> p.item(item))
                                          .build())))),
              () ->
                  dynamo.transactWriteItems(
                      b -> b.transactItems(t -> t.put(p -> p.tableName(registry).item(item)))));
      for (Runnable write : writes) {
        DynamoDbException refused = assertThrows(DynamoDbException.class, write::run);
        assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
      }
    }
    given()
        .header("Authorization", "Bearer " + forged.value())
        .get("/api/v1/teams/victims/tokens")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer " + forged.value())
        .contentType("application/json")
        .body("{\"stage\":\"dev\"}")
        .put("/api/v1/apis/forged")
        .then()
        .statusCode(401);
  }

  private DynamoDbClient throughEmulator() {
    return DynamoDbClient.builder()
        .endpointOverride(engine.emulatorEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("intruder", "intruder")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
