package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.LimitExceededException;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * API Gateway's fixed limits on an API's definition: 300 resources, a 6 MB definition file, an
 * 8,192-character resource policy. Refused as AWS refuses them, with nothing half-stored.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class DefinitionLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;

  @Test
  void the301stResourceIsRefusedEvenWhenFiftyRace() throws Exception {
    ApiGatewayClient client = EmulatorHttp.apiGatewayWithoutRetries(engine.emulatorEndpoint());
    var api = client.createRestApi(b -> b.name("many-" + System.nanoTime()));
    for (int i = 1; i < 290; i++) {
      int n = i;
      client.createResource(
          b -> b.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("r" + n));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      tries.add(
          pool.submit(
              () -> {
                try {
                  client.createResource(
                      b -> b.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("x" + n));
                  return true;
                } catch (LimitExceededException e) {
                  assertTrue(
                      e.getMessage().contains("Maximum number of Resources"), e.getMessage());
                  return false;
                }
              }));
    }
    int created = 0;
    for (Future<Boolean> attempt : tries) {
      created += attempt.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(10, created);
    assertEquals(300, client.getResources(b -> b.restApiId(api.id()).limit(500)).items().size());
  }

  @Test
  void anImportOf301ResourcesIsRefusedAndNothingIsCreated() {
    String title = "too-many-" + System.nanoTime();
    String refused = openApi(title, 300, null);
    assertThrows(
        LimitExceededException.class,
        () -> apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(refused))));
    assertFalse(
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .anyMatch(api -> api.name().equals(title)));
    String fits = openApi(title, 299, null);
    String id = apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(fits))).id();
    assertEquals(300, apiGateway.getResources(b -> b.restApiId(id).limit(500)).items().size());
    String grows = openApi(title, 300, null);
    assertThrows(
        LimitExceededException.class,
        () -> apiGateway.putRestApi(b -> b.restApiId(id).body(SdkBytes.fromUtf8String(grows))));
    assertEquals(300, apiGateway.getResources(b -> b.restApiId(id).limit(500)).items().size());
  }

  @Test
  void aDefinitionOver6MbIsRefused() {
    String title = "huge-" + System.nanoTime();
    ObjectNode doc = (ObjectNode) read(openApi(title, 1, null));
    ((ObjectNode) doc.get("info")).put("description", "d".repeat(6 * 1024 * 1024));
    String huge = doc.toString();
    ApiGatewayException refused =
        assertThrows(
            ApiGatewayException.class,
            () -> apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(huge))));
    assertEquals(413, refused.statusCode(), refused.getMessage());
    assertFalse(
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .anyMatch(api -> api.name().equals(title)));
    String id =
        apiGateway
            .importRestApi(b -> b.body(SdkBytes.fromUtf8String(openApi(title, 1, null))))
            .id();
    ApiGatewayException put =
        assertThrows(
            ApiGatewayException.class,
            () -> apiGateway.putRestApi(b -> b.restApiId(id).body(SdkBytes.fromUtf8String(huge))));
    assertEquals(413, put.statusCode());
    assertEquals(title, apiGateway.getRestApi(b -> b.restApiId(id)).name());
  }

  @Test
  void aResourcePolicyOver8192CharactersIsRefused() {
    ApiGatewayClient patching = EmulatorHttp.apiGatewayWithPatch(engine.emulatorEndpoint());
    String fits = policy(8192);
    String over = policy(8193);
    assertEquals(8192, fits.length());
    var api = apiGateway.createRestApi(b -> b.name("policy-" + System.nanoTime()).policy(fits));
    assertEquals(fits, apiGateway.getRestApi(b -> b.restApiId(api.id())).policy());
    assertThrows(
        BadRequestException.class,
        () ->
            patching.updateRestApi(
                b ->
                    b.restApiId(api.id())
                        .patchOperations(p -> p.op(Op.REPLACE).path("/policy").value(over))));
    assertEquals(fits, apiGateway.getRestApi(b -> b.restApiId(api.id())).policy());
    assertThrows(
        BadRequestException.class,
        () -> apiGateway.createRestApi(b -> b.name("policy-over").policy(over)));

    String title = "imported-policy-" + System.nanoTime();
    String imported = openApi(title, 1, over);
    assertThrows(
        BadRequestException.class,
        () -> apiGateway.importRestApi(b -> b.body(SdkBytes.fromUtf8String(imported))));
    assertFalse(
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .anyMatch(a -> a.name().equals(title)));
  }

  /** A policy document of exactly {@code length} characters, as the emulator keeps it. */
  private static String policy(int length) {
    String head =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\",\"Sid\":\"";
    String tail = "\"}]}";
    return head + "s".repeat(length - head.length() - tail.length()) + tail;
  }

  /** An OpenAPI document with {@code paths} resources under the root, each with a mock GET. */
  private static String openApi(String title, int paths, String policy) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.0.1");
    doc.putObject("info").put("title", title).put("version", "1");
    ObjectNode all = doc.putObject("paths");
    for (int i = 0; i < paths; i++) {
      all.putObject("/p" + i)
          .putObject("get")
          .putObject("x-amazon-apigateway-integration")
          .put("type", "mock")
          .putObject("requestTemplates")
          .put("application/json", "{\"statusCode\": 200}");
    }
    if (policy != null) {
      doc.set("x-amazon-apigateway-policy", read(policy));
    }
    return doc.toString();
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
