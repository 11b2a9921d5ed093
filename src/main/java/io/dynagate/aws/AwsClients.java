package io.dynagate.aws;

import io.dynagate.config.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one producer of AWS SDK clients, pointed where the {@link Target} says: endpoints, region and
 * credentials.
 */
@ApplicationScoped
public class AwsClients {

  private final Target target;
  // Quotas are per account: every call of this process shares one pacer.
  private final Pacer pacer;

  public AwsClients(Target target) {
    this.target = target;
    this.pacer =
        target.pacing().enabled()
            ? Pacer.awsQuotas(target.pacing().timeScale())
            : Pacer.unlimited();
  }

  @Produces
  @ApplicationScoped
  DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), "dynamodb", Pacer.unlimited()).build();
  }

  @Produces
  @ApplicationScoped
  ApiGatewayClient apiGateway() {
    return configure(ApiGatewayClient.builder(), "apigateway", pacer).build();
  }

  @Produces
  @ApplicationScoped
  IamClient iam() {
    return configure(IamClient.builder(), "iam", Pacer.unlimited()).build();
  }

  @Produces
  @ApplicationScoped
  StsClient sts() {
    return configure(StsClient.builder(), "sts", Pacer.unlimited()).build();
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

  /** The one place where endpoints, region, credentials, retries and pacing are set. */
  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service, Pacer paced) {
    if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
      // Apache 5: a real connection pool (HttpURLConnection keeps 5 idle connections per host,
      // which the registry's concurrent reads outgrow), and PATCH for API Gateway's Update* calls.
      sync.httpClientBuilder(Apache5HttpClient.builder().maxConnections(64));
    }
    builder.overrideConfiguration(
        o ->
            o.retryStrategy(Retries.strategy())
                .addExecutionInterceptor(new CallInterceptor(paced)));
    target.endpoint(service).ifPresent(builder::endpointOverride);
    target.region().map(Region::of).ifPresent(builder::region);
    if (target.credentials() == Target.Credentials.LOCAL) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create("dynagate", "dynagate")));
    }
    return builder;
  }
}
