package io.dynagate.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In aws mode, preflight runs on the local shadow too, and only a passing definition reaches the
 * AWS endpoint (here a second service's emulator, which counts every call it gets).
 */
class AwsModePreflightIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static JsonNode json(HttpResponse<String> answer) throws Exception {
    return JSON.readTree(answer.body());
  }

  private static int mutatingApiCalls(String emulatorUrl) throws Exception {
    JsonNode calls =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(emulatorUrl + "/_emulator/calls")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    int mutating = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = calls.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> call = it.next();
      if (call.getKey().matches("(apigateway|iam):(Create|Put|Delete|Update|Import|Tag).*")) {
        mutating += call.getValue().asInt();
      }
    }
    return mutating;
  }

  private static String route(String template) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "method", "GET",
            "path", "/users/{userId}",
            "table", "aws-pf-users",
            "responseTemplate", template));
  }

  @Test
  void onlyAProvedDefinitionReachesTheEndpoint() throws Exception {
    Path dataA = Files.createTempDirectory(Path.of("target"), "it-pf-aws-a-");
    Path dataB = Files.createTempDirectory(Path.of("target"), "it-pf-aws-b-");
    try (ServiceProcess aws =
        ServiceProcess.start(
            dataA, dataA.resolve("service.log"), "dynagate.reconcile.on-change=false")) {
      Map<String, String> credentials =
          Map.of(
              "AWS_ACCESS_KEY_ID", "it", "AWS_SECRET_ACCESS_KEY", "it", "AWS_REGION", "us-east-1");
      try (ServiceProcess service =
          ServiceProcess.start(
              dataB,
              dataB.resolve("service.log"),
              credentials,
              "dynagate.mode=aws",
              "dynagate.aws.endpoint=" + aws.emulatorUrl(),
              "dynagate.aws.region=us-east-1",
              "dynagate.registry.table=aws-pf-registry",
              "dynagate.reconcile.on-change=false")) {
        assertEquals(
            201,
            service
                .send(
                    "PUT",
                    "/api/v1/tables/aws-pf-users",
                    PreflightTest.Seed.table().replace("pf-users", "aws-pf-users"))
                .statusCode());
        assertEquals(201, service.send("PUT", "/api/v1/apis/aws-pf", "{}").statusCode());
        String broken = CustomTemplatePreflightTest.SOUND.replace("\"}\n#end", "\"\n#end");
        assertEquals(
            201,
            service.send("PUT", "/api/v1/apis/aws-pf/routes/get-user", route(broken)).statusCode());
        int before = mutatingApiCalls(aws.emulatorUrl());

        JsonNode blocked =
            json(service.send("POST", "/api/v1/apis/aws-pf/reconcile?wait=true", null));
        assertEquals("Blocked", blocked.path("status").path("phase").asText(), blocked.toString());
        assertTrue(
            blocked.path("status").path("message").asText().contains("not valid JSON"),
            blocked.toString());
        assertEquals(before, mutatingApiCalls(aws.emulatorUrl()), "nothing reached the endpoint");

        assertEquals(
            200,
            service
                .send(
                    "PUT",
                    "/api/v1/apis/aws-pf/routes/get-user",
                    route(CustomTemplatePreflightTest.SOUND))
                .statusCode());
        JsonNode ready =
            json(service.send("POST", "/api/v1/apis/aws-pf/reconcile?wait=true", null));
        assertEquals("Ready", ready.path("status").path("phase").asText(), ready.toString());
        assertTrue(mutatingApiCalls(aws.emulatorUrl()) > before, "the proved definition went out");
        String invokeUrl = ready.path("status").path("invokeUrl").asText();
        HttpResponse<String> missing =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(invokeUrl + "/users/nobody")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode(), missing.body());
        assertEquals("no such user", JSON.readTree(missing.body()).path("error").asText());
      }
    }
  }
}
