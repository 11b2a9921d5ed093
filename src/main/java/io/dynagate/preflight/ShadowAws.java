package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.TableSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The shadow's control planes through the AWS SDK, as the reconciler reaches the target: the
 * definition goes in by the same {@code PutRestApi} (overwrite, fail on warnings).
 */
public final class ShadowAws implements AutoCloseable {

  /** A call the shadow refused: the definition would be refused on AWS too. */
  static final class Refused extends RuntimeException {
    Refused(String operation, AwsServiceException cause) {
      super(operation + " refused it: " + cause.awsErrorDetails().errorMessage(), cause);
    }
  }

  private final URI endpoint;
  private final SdkHttpClient http = Apache5HttpClient.builder().maxConnections(16).build();
  private final DynamoDbClient dynamo;
  private final ApiGatewayClient apiGateway;
  private final IamClient iam;
  // dynalite makes and drops tables in 50 ms: poll at that pace, not the SDK's 20 s
  private final DynamoDbWaiter waiter;
  private final Map<String, String> tableFingerprints = new HashMap<>();
  private final HttpClient calls = HttpClient.newHttpClient();

  ShadowAws(URI endpoint, String region) {
    this.endpoint = endpoint;
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("preflight", "preflight"));
    this.dynamo =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(http)
            .build();
    this.waiter =
        DynamoDbWaiter.builder()
            .client(dynamo)
            .overrideConfiguration(
                WaiterOverrideConfiguration.builder()
                    .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50)))
                    .maxAttempts(200)
                    .build())
            .build();
    this.apiGateway =
        ApiGatewayClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(http)
            .build();
    this.iam =
        IamClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(http)
            .build();
  }

  /**
   * The table as declared, holding exactly {@code items}: made again when its declaration (or the
   * items made from it) changed since the last run.
   */
  void table(TableSpec spec, String fingerprint, List<JsonNode> items) {
    String name = spec.tableName();
    if (fingerprint.equals(tableFingerprints.get(name))) {
      return;
    }
    tableFingerprints.remove(name);
    try {
      dynamo.deleteTable(b -> b.tableName(name));
      waiter.waitUntilTableNotExists(b -> b.tableName(name));
    } catch (ResourceNotFoundException e) {
      // first use of this table
    }
    dynamo.createTable(ShadowTables.create(spec));
    waiter.waitUntilTableExists(b -> b.tableName(name));
    for (JsonNode item : items) {
      dynamo.putItem(b -> b.tableName(name).item(TypedJson.item(item)));
    }
    tableFingerprints.put(name, fingerprint);
  }

  void putItem(String table, JsonNode typedItem) {
    dynamo.putItem(b -> b.tableName(table).item(TypedJson.item(typedItem)));
  }

  /** The item under this key (typed JSON), read consistently. */
  Optional<JsonNode> getItem(String table, Map<String, JsonNode> key) {
    Map<String, AttributeValue> typedKey = new LinkedHashMap<>();
    key.forEach((name, value) -> typedKey.put(name, TypedJson.value(value)));
    var answer = dynamo.getItem(b -> b.tableName(table).key(typedKey).consistentRead(true));
    return answer.hasItem() && !answer.item().isEmpty()
        ? Optional.of(TypedJson.node(answer.item()))
        : Optional.empty();
  }

  /** The API's role with its trust and inline policy, made or brought up to date. */
  void role(String name, String path, String trust, String policyName, String policy) {
    try {
      iam.getRole(b -> b.roleName(name));
      iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(trust));
    } catch (NoSuchEntityException e) {
      iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(trust));
    }
    iam.putRolePolicy(b -> b.roleName(name).policyName(policyName).policyDocument(policy));
  }

  /** Takes the role's permissions away, as a role without permission would be. */
  void revoke(String role, String policyName) {
    iam.deleteRolePolicy(b -> b.roleName(role).policyName(policyName));
  }

  /** A new, empty REST API; returns its id. */
  String createApi(String name) {
    return apiGateway.createRestApi(b -> b.name(name)).id();
  }

  /** Puts exactly this definition in the REST API and deploys it to the stage. */
  void define(String id, String openApi, String stage) {
    try {
      apiGateway.putRestApi(
          b ->
              b.restApiId(id)
                  .mode(PutMode.OVERWRITE)
                  .failOnWarnings(true)
                  .body(SdkBytes.fromUtf8String(openApi)));
    } catch (AwsServiceException e) {
      throw new Refused("PutRestApi", e);
    }
    try {
      apiGateway.createDeployment(b -> b.restApiId(id).stageName(stage));
    } catch (AwsServiceException e) {
      throw new Refused("CreateDeployment", e);
    }
  }

  /**
   * An enabled API key in a usage plan of the shadow's stage, for calling {@code API_KEY} routes.
   * Made on the shadow only: its value never leaves this process.
   */
  ApiKeyGrant apiKey(String restApiId, String stage, String name) {
    String planId =
        apiGateway
            .createUsagePlan(b -> b.name(name).apiStages(s -> s.apiId(restApiId).stage(stage)))
            .id();
    var key = apiGateway.createApiKey(b -> b.name(name).enabled(true));
    apiGateway.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    return new ApiKeyGrant(planId, key.id(), key.value());
  }

  /** A usage plan and its key, as {@link #apiKey} made them. */
  record ApiKeyGrant(String planId, String keyId, String value) {}

  void forget(ApiKeyGrant grant) {
    quietly(
        () ->
            apiGateway.deleteUsagePlanKey(b -> b.usagePlanId(grant.planId()).keyId(grant.keyId())));
    quietly(() -> apiGateway.deleteUsagePlan(b -> b.usagePlanId(grant.planId())));
    quietly(() -> apiGateway.deleteApiKey(b -> b.apiKey(grant.keyId())));
  }

  /**
   * An IAM user of the shadow with an access key and an identity policy, for signing requests to
   * {@code AWS_IAM} routes. Made on the shadow only: its secret never leaves this process.
   */
  SigningUser user(String name, String policyName, String policy) {
    iam.createUser(b -> b.userName(name));
    iam.putUserPolicy(b -> b.userName(name).policyName(policyName).policyDocument(policy));
    var key = iam.createAccessKey(b -> b.userName(name)).accessKey();
    return new SigningUser(name, policyName, key.accessKeyId(), key.secretAccessKey());
  }

  /** A user with one access key and one inline policy, as {@link #user} made it. */
  record SigningUser(String name, String policyName, String accessKeyId, String secret) {}

  void forget(SigningUser user) {
    quietly(
        () -> iam.deleteAccessKey(b -> b.userName(user.name()).accessKeyId(user.accessKeyId())));
    quietly(() -> iam.deleteUserPolicy(b -> b.userName(user.name()).policyName(user.policyName())));
    quietly(() -> iam.deleteUser(b -> b.userName(user.name())));
  }

  /**
   * DynamoDB calls the shadow has received, the data plane's included: a probe that must not reach
   * DynamoDB compares two counts.
   */
  long dynamoCalls() {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_emulator/calls")).build();
    try {
      JsonNode counts =
          StageClient.JSON.readTree(
              calls.send(request, HttpResponse.BodyHandlers.ofString()).body());
      long sum = 0;
      for (Map.Entry<String, JsonNode> entry : counts.properties()) {
        if (entry.getKey().startsWith("dynamodb:")) {
          sum += entry.getValue().asLong();
        }
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException("the shadow's call counts", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void quietly(Runnable cleanup) {
    try {
      cleanup.run();
    } catch (AwsServiceException e) {
      // the shadow keeps a leftover; it is never used again
    }
  }

  void deleteApi(String id) {
    try {
      apiGateway.deleteRestApi(b -> b.restApiId(id));
    } catch (AwsServiceException e) {
      // the next run starts from a new API anyway
    }
  }

  /** Where a deployed stage answers on the shadow. */
  URI stageUrl(String restApiId, String stage) {
    return endpoint.resolve("/restapis/" + restApiId + "/" + stage + "/_user_request_");
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    waiter.close();
    dynamo.close();
    apiGateway.close();
    iam.close();
    http.close();
  }
}
