package io.dynagate.aws;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one producer of AWS SDK clients. Embedded mode: DynamoDB goes to dynalite directly (the
 * registry's hot path skips the emulator hop), API Gateway, IAM and STS to the local emulator, with
 * fixed local credentials. AWS mode: the SDK's default chains, with optional endpoint and region
 * overrides from {@code dynagate.aws.*}.
 */
@ApplicationScoped
public class AwsClients {

  private final DynagateConfig config;
  private final EmbeddedEngine engine;

  public AwsClients(DynagateConfig config, EmbeddedEngine engine) {
    this.config = config;
    this.engine = engine;
  }

  @Produces
  @ApplicationScoped
  DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), "dynamodb", engine::dynamoEndpoint).build();
  }

  @Produces
  @ApplicationScoped
  ApiGatewayClient apiGateway() {
    return configure(ApiGatewayClient.builder(), "apigateway", engine::emulatorEndpoint).build();
  }

  @Produces
  @ApplicationScoped
  IamClient iam() {
    return configure(IamClient.builder(), "iam", engine::emulatorEndpoint).build();
  }

  @Produces
  @ApplicationScoped
  StsClient sts() {
    return configure(StsClient.builder(), "sts", engine::emulatorEndpoint).build();
  }

  void close(@Disposes DynamoDbClient client) {
    client.close();
  }

  void close(@Disposes ApiGatewayClient client) {
    client.close();
  }

  void close(@Disposes IamClient client) {
    client.close();
  }

  void close(@Disposes StsClient client) {
    client.close();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, String service, java.util.function.Supplier<URI> embeddedEndpoint) {
    if (builder
        instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
      // Apache 5: a real connection pool (HttpURLConnection keeps 5 idle connections per host,
      // which the registry's concurrent reads outgrow), and PATCH for API Gateway's Update* calls.
      sync.httpClientBuilder(Apache5HttpClient.builder().maxConnections(64));
    }
    if (engine.enabled()) {
      builder
          .endpointOverride(embeddedEndpoint.get())
          .region(Region.of(config.emulator().region()))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("dynagate", "dynagate")));
      return builder;
    }
    config.aws().region().map(Region::of).ifPresent(builder::region);
    endpointFor(service).ifPresent(builder::endpointOverride);
    return builder;
  }

  private Optional<URI> endpointFor(String service) {
    URI specific = config.aws().endpoints().get(service);
    return specific != null ? Optional.of(specific) : config.aws().endpoint();
  }
}
