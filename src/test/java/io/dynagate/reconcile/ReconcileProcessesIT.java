package io.dynagate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.support.Seed;
import io.dynagate.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;

/** Reconciling across process boundaries: a killed service, and two services on one registry. */
class ReconcileProcessesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int APIS = 6;

  @Test
  void aServiceKilledInThePassConvergesWithoutDuplicatesAfterARestart() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "it-crash-");
    Path log = data.resolve("service.log");
    // Short leases: the killed instance's leases expire before the restarted one needs them.
    try (ServiceProcess first =
        ServiceProcess.start(data, log, "dynagate.reconcile.lease-duration=3s")) {
      declare(first, "crash");
      Thread.sleep(150); // passes started by the declarations are under way
      first.kill();
    }
    try (ServiceProcess again = ServiceProcess.start(data, log)) {
      for (int i = 0; i < APIS; i++) {
        assertEquals("Ready", reconcile(again, "crash-" + i), "crash-" + i);
      }
      assertOnePerApi(again.emulatorUrl(), "crash-");
    }
  }

  @Test
  void twoInstancesOnOneRegistryReconcileEachApiOnceAtATime() throws Exception {
    Path dataA = Files.createTempDirectory(Path.of("target"), "it-pair-a-");
    Path dataB = Files.createTempDirectory(Path.of("target"), "it-pair-b-");
    // No pass on change: the passes of this test are the ones it races.
    // A's dynalite on a known port: B reaches the registry there, as A does. The emulator's
    // DynamoDB endpoint refuses the registry table to everyone (issue 15).
    int dynalite = io.dynagate.embedded.FreePort.orFree(0);
    try (ServiceProcess a =
        ServiceProcess.start(
            dataA,
            dataA.resolve("service.log"),
            // no pass but the test's own: a periodic pass between the changes and the reset of
            // the call counts would leave the raced passes nothing to do
            "dynagate.reconcile.on-change=false",
            "dynagate.reconcile.interval=off",
            "dynagate.dynalite.port=" + dynalite)) {
      // B runs in aws mode against A's emulator and A's DynamoDB: the same registry table, the
      // same "AWS".
      Map<String, String> credentials =
          Map.of(
              "AWS_ACCESS_KEY_ID",
              "pair",
              "AWS_SECRET_ACCESS_KEY",
              "pair",
              "AWS_REGION",
              "us-east-1");
      try (ServiceProcess b =
          ServiceProcess.start(
              dataB,
              dataB.resolve("service.log"),
              credentials,
              "dynagate.mode=aws",
              "dynagate.aws.endpoint=" + a.emulatorUrl(),
              "dynagate.aws.endpoints.dynamodb=http://127.0.0.1:" + dynalite,
              "dynagate.aws.region=us-east-1",
              "dynagate.reconcile.on-change=false",
              "dynagate.reconcile.interval=off")) {
        assertEquals(200, b.send("GET", "/api/v1/tables", null).statusCode());
        declareQuietly(a, "pair");
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(a.emulatorUrl() + "/_emulator/calls"))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        List<CompletableFuture<String>> passes = new ArrayList<>();
        for (int i = 0; i < APIS; i++) {
          String api = "pair-" + i;
          passes.add(CompletableFuture.supplyAsync(() -> reconcileUnchecked(a, api)));
          passes.add(CompletableFuture.supplyAsync(() -> reconcileUnchecked(b, api)));
        }
        passes.forEach(p -> assertEquals("Ready", p.join()));
        assertOnePerApi(a.emulatorUrl(), "pair-");
        JsonNode calls =
            JSON.readTree(
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(a.emulatorUrl() + "/_emulator/calls"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        assertEquals(
            0, calls.path("apigateway:CreateRestApi").asInt(), "none created twice: " + calls);
        assertEquals(
            APIS, calls.path("apigateway:PutRestApi").asInt(), "one put per API: " + calls);
        assertEquals(
            APIS,
            calls.path("apigateway:CreateDeployment").asInt(),
            "one deployment per API: " + calls);
      }
    }
  }

  private static void declare(ServiceProcess service, String prefix) throws Exception {
    assertEquals(
        201,
        service
            .send(
                "PUT",
                "/api/v1/tables/" + prefix + "-users",
                Seed.usersTableNamed(prefix + "-users"))
            .statusCode());
    for (int i = 0; i < APIS; i++) {
      assertEquals(201, service.send("PUT", "/api/v1/apis/" + prefix + "-" + i, "{}").statusCode());
      assertEquals(
          201,
          service
              .send(
                  "PUT",
                  "/api/v1/apis/" + prefix + "-" + i + "/routes/get",
                  "{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\""
                      + prefix
                      + "-users\"}")
              .statusCode());
    }
  }

  /** Declares and converges, then changes every API without reconciling it. */
  private static void declareQuietly(ServiceProcess service, String prefix) throws Exception {
    declare(service, prefix);
    for (int i = 0; i < APIS; i++) {
      reconcile(service, prefix + "-" + i);
    }
    // a change to every API, so that the raced passes have work to do
    for (int i = 0; i < APIS; i++) {
      assertEquals(
          200,
          service
              .send(
                  "PUT",
                  "/api/v1/apis/" + prefix + "-" + i + "/routes/get",
                  "{\"method\":\"GET\",\"path\":\"/people/{userId}\",\"table\":\""
                      + prefix
                      + "-users\"}")
              .statusCode());
    }
  }

  private static String reconcile(ServiceProcess service, String api) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String phase;
    do {
      HttpResponse<String> answer =
          service.send("POST", "/api/v1/apis/" + api + "/reconcile?wait=true", null);
      phase = JSON.readTree(answer.body()).path("status").path("phase").asText();
    } while (!phase.equals("Ready") && System.nanoTime() < deadline);
    return phase;
  }

  private static String reconcileUnchecked(ServiceProcess service, String api) {
    try {
      return reconcile(service, api);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertOnePerApi(String emulator, String prefix) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it"));
    try (ApiGatewayClient apiGateway =
            ApiGatewayClient.builder()
                .endpointOverride(URI.create(emulator))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        IamClient iam =
            IamClient.builder()
                .endpointOverride(URI.create(emulator))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
      Map<String, Long> perApi =
          apiGateway.getRestApis(b -> b.limit(500)).items().stream()
              .map(api -> api.tags().getOrDefault(Desired.API_TAG, ""))
              .filter(tag -> tag.startsWith(prefix))
              .collect(Collectors.groupingBy(tag -> tag, Collectors.counting()));
      assertEquals(APIS, perApi.size(), perApi.toString());
      assertTrue(perApi.values().stream().allMatch(n -> n == 1), "one REST API per API: " + perApi);
      long roles =
          iam.listRoles(b -> b.pathPrefix("/dynagate/")).roles().stream()
              .filter(r -> r.roleName().contains("-" + prefix))
              .count();
      assertEquals(APIS, roles);
    }
  }
}
