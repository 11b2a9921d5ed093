package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateResourceResponse;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Stage;

/** The API Gateway control plane through the AWS SDK, as the reconciler and users call it. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ApiGatewayLifecycleTest {

  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;

  @Test
  void aPrivateApiWithoutAResourcePolicyIsNotDeployed() {
    String id =
        apiGateway
            .createRestApi(
                b ->
                    b.name("private-" + System.nanoTime())
                        .endpointConfiguration(e -> e.typesWithStrings("PRIVATE")))
            .id();
    String root = apiGateway.getResources(b -> b.restApiId(id)).items().get(0).id();
    apiGateway.putMethod(
        b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    apiGateway.putIntegration(
        b ->
            b.restApiId(id)
                .resourceId(root)
                .httpMethod("GET")
                .type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    BadRequestException refused =
        assertThrows(
            BadRequestException.class,
            () -> apiGateway.createDeployment(b -> b.restApiId(id).stageName("dev")));
    assertEquals(
        "Private REST API doesn't have a resource policy attached to it",
        refused.awsErrorDetails().errorMessage());
    assertTrue(apiGateway.getStages(b -> b.restApiId(id)).item().isEmpty(), "nothing half-made");
    // the same API with a policy deploys
    apiGateway.updateRestApi(
        b ->
            b.restApiId(id)
                .patchOperations(
                    PatchOperation.builder()
                        .op(Op.REPLACE)
                        .path("/policy")
                        .value("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                        .build()));
    assertNotNull(apiGateway.createDeployment(b -> b.restApiId(id).stageName("dev")).id());
  }

  @Test
  void restApisAreCreatedReadListedInPagesAndDeleted() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      CreateRestApiResponse api =
          apiGateway.createRestApi(
              b -> b.name("paged").description("d").tags(Map.of("owner", "t")));
      assertTrue(api.id().matches("[a-z0-9]{10}"), api.id());
      assertNotNull(api.rootResourceId());
      assertNotNull(api.createdDate());
      created.add(api.id());
    }
    Set<String> seen = new HashSet<>();
    String position = null;
    int pages = 0;
    do {
      String from = position;
      GetRestApisResponse page = apiGateway.getRestApis(b -> b.limit(2).position(from));
      assertTrue(page.items().size() <= 2);
      page.items().forEach(api -> seen.add(api.id()));
      position = page.position();
      pages++;
    } while (position != null);
    assertTrue(seen.containsAll(created));
    assertTrue(pages >= 3);

    String id = created.iterator().next();
    assertEquals("paged", apiGateway.getRestApi(b -> b.restApiId(id)).name());
    assertEquals(Map.of("owner", "t"), apiGateway.getRestApi(b -> b.restApiId(id)).tags());
    apiGateway.deleteRestApi(b -> b.restApiId(id));
    NotFoundException gone =
        assertThrows(NotFoundException.class, () -> apiGateway.getRestApi(b -> b.restApiId(id)));
    assertEquals(404, gone.statusCode());
    assertThrows(NotFoundException.class, () -> apiGateway.deleteRestApi(b -> b.restApiId(id)));
    assertThrows(BadRequestException.class, () -> apiGateway.getRestApis(b -> b.limit(501)));
  }

  @Test
  void resourcesMethodsIntegrationsAndTheirResponses() {
    CreateRestApiResponse api = apiGateway.createRestApi(b -> b.name("users"));
    String apiId = api.id();
    CreateResourceResponse users =
        apiGateway.createResource(
            b -> b.restApiId(apiId).parentId(api.rootResourceId()).pathPart("users"));
    CreateResourceResponse user =
        apiGateway.createResource(
            b -> b.restApiId(apiId).parentId(users.id()).pathPart("{userId}"));
    assertEquals("/users/{userId}", user.path());
    assertThrows(
        ConflictException.class,
        () ->
            apiGateway.createResource(
                b -> b.restApiId(apiId).parentId(api.rootResourceId()).pathPart("users")));
    assertThrows(
        BadRequestException.class,
        () ->
            apiGateway.createResource(
                b -> b.restApiId(apiId).parentId(users.id()).pathPart("{other}")));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.createResource(
                b -> b.restApiId(apiId).parentId("nosuchres0").pathPart("x")));

    apiGateway.putMethod(
        b ->
            b.restApiId(apiId)
                .resourceId(user.id())
                .httpMethod("GET")
                .authorizationType("NONE")
                .requestParameters(Map.of("method.request.path.userId", true)));
    assertThrows(
        ConflictException.class,
        () ->
            apiGateway.putMethod(
                b ->
                    b.restApiId(apiId)
                        .resourceId(user.id())
                        .httpMethod("GET")
                        .authorizationType("NONE")));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.getIntegration(
                b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET")));
    apiGateway.putMethodResponse(
        b ->
            b.restApiId(apiId)
                .resourceId(user.id())
                .httpMethod("GET")
                .statusCode("200")
                .responseModels(Map.of("application/json", "Empty")));
    String template =
        "{\"TableName\":\"users\",\"Key\":{\"userId\":{\"S\":\"$input.params('userId')\"}}}";
    apiGateway.putIntegration(
        b ->
            b.restApiId(apiId)
                .resourceId(user.id())
                .httpMethod("GET")
                .type(IntegrationType.AWS)
                .integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:dynamodb:action/GetItem")
                .credentials("arn:aws:iam::000000000000:role/users-api")
                .requestTemplates(Map.of("application/json", template)));
    apiGateway.putIntegrationResponse(
        b ->
            b.restApiId(apiId)
                .resourceId(user.id())
                .httpMethod("GET")
                .statusCode("200")
                .selectionPattern("")
                .responseTemplates(Map.of("application/json", "$input.json('$.Item')")));
    assertThrows(
        BadRequestException.class,
        () ->
            apiGateway.putIntegration(
                b ->
                    b.restApiId(apiId)
                        .resourceId(user.id())
                        .httpMethod("GET")
                        .type(IntegrationType.AWS)
                        .integrationHttpMethod("POST")
                        .uri("not-an-arn")));

    var method =
        apiGateway.getMethod(b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET"));
    assertEquals(template, method.methodIntegration().requestTemplates().get("application/json"));
    assertEquals(
        "$input.json('$.Item')",
        method
            .methodIntegration()
            .integrationResponses()
            .get("200")
            .responseTemplates()
            .get("application/json"));
    assertEquals(
        "Empty", method.methodResponses().get("200").responseModels().get("application/json"));
    assertEquals(
        "AWS",
        apiGateway
            .getIntegration(b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET"))
            .typeAsString());

    GetResourcesResponse embedded =
        apiGateway.getResources(b -> b.restApiId(apiId).embed("methods"));
    var withMethod =
        embedded.items().stream().filter(r -> r.id().equals(user.id())).findFirst().orElseThrow();
    assertEquals("POST", withMethod.resourceMethods().get("GET").methodIntegration().httpMethod());
    GetResourcesResponse plain = apiGateway.getResources(b -> b.restApiId(apiId));
    var summary =
        plain.items().stream().filter(r -> r.id().equals(user.id())).findFirst().orElseThrow();
    assertTrue(summary.resourceMethods().containsKey("GET"));
    assertNull(summary.resourceMethods().get("GET").methodIntegration());
    assertEquals(1, apiGateway.getResources(b -> b.restApiId(apiId).limit(1)).items().size());

    apiGateway.deleteIntegrationResponse(
        b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET").statusCode("200"));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.getIntegrationResponse(
                b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET").statusCode("200")));
    apiGateway.deleteIntegration(b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET"));
    apiGateway.deleteMethodResponse(
        b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET").statusCode("200"));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.getMethodResponse(
                b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET").statusCode("200")));
    apiGateway.deleteMethod(b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET"));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.getMethod(b -> b.restApiId(apiId).resourceId(user.id()).httpMethod("GET")));
    apiGateway.deleteResource(b -> b.restApiId(apiId).resourceId(users.id()));
    assertThrows(
        NotFoundException.class,
        () -> apiGateway.getResource(b -> b.restApiId(apiId).resourceId(user.id())));
    assertEquals(1, apiGateway.getResources(b -> b.restApiId(apiId)).items().size());
  }

  @Test
  void deploymentsStagesAndTags() {
    CreateRestApiResponse api = apiGateway.createRestApi(b -> b.name("staged"));
    String apiId = api.id();
    assertThrows(
        BadRequestException.class,
        () -> apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev")));
    apiGateway.putMethod(
        b ->
            b.restApiId(apiId)
                .resourceId(api.rootResourceId())
                .httpMethod("GET")
                .authorizationType("NONE"));
    assertThrows(
        BadRequestException.class,
        () -> apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev")));
    apiGateway.putIntegration(
        b ->
            b.restApiId(apiId)
                .resourceId(api.rootResourceId())
                .httpMethod("GET")
                .type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));

    String first =
        apiGateway
            .createDeployment(b -> b.restApiId(apiId).stageName("dev").description("one"))
            .id();
    assertEquals(
        first, apiGateway.getStage(b -> b.restApiId(apiId).stageName("dev")).deploymentId());
    String second = apiGateway.createDeployment(b -> b.restApiId(apiId).stageName("dev")).id();
    assertEquals(
        second, apiGateway.getStage(b -> b.restApiId(apiId).stageName("dev")).deploymentId());
    assertEquals(
        "one", apiGateway.getDeployment(b -> b.restApiId(apiId).deploymentId(first)).description());
    assertEquals(2, apiGateway.getDeployments(b -> b.restApiId(apiId)).items().size());
    assertEquals(1, apiGateway.getDeployments(b -> b.restApiId(apiId).limit(1)).items().size());

    apiGateway.createStage(
        b -> b.restApiId(apiId).stageName("prod").deploymentId(first).variables(Map.of("v", "1")));
    assertThrows(
        ConflictException.class,
        () ->
            apiGateway.createStage(b -> b.restApiId(apiId).stageName("prod").deploymentId(first)));
    assertThrows(
        NotFoundException.class,
        () ->
            apiGateway.createStage(
                b -> b.restApiId(apiId).stageName("qa").deploymentId("nosuchdep0")));
    assertThrows(
        BadRequestException.class,
        () -> apiGateway.deleteDeployment(b -> b.restApiId(apiId).deploymentId(first)));
    ApiGatewayClient patching = EmulatorHttp.apiGatewayWithPatch(engine.emulatorEndpoint());
    Stage updated =
        toStage(
            patching
                .updateStage(
                    b ->
                        b.restApiId(apiId)
                            .stageName("prod")
                            .patchOperations(
                                PatchOperation.builder()
                                    .op(Op.REPLACE)
                                    .path("/deploymentId")
                                    .value(second)
                                    .build(),
                                PatchOperation.builder()
                                    .op(Op.REPLACE)
                                    .path("/variables/v")
                                    .value("2")
                                    .build(),
                                PatchOperation.builder()
                                    .op(Op.REPLACE)
                                    .path("/*/*/throttling/burstLimit")
                                    .value("20")
                                    .build(),
                                PatchOperation.builder()
                                    .op(Op.REPLACE)
                                    .path("/*/*/throttling/rateLimit")
                                    .value("10")
                                    .build()))
                .deploymentId(),
            apiId);
    assertEquals(second, updated.deploymentId());
    assertEquals(Map.of("v", "2"), updated.variables());
    assertEquals(20, updated.methodSettings().get("*/*").throttlingBurstLimit());
    assertEquals(10.0, updated.methodSettings().get("*/*").throttlingRateLimit());
    assertEquals(
        "renamed",
        patching
            .updateRestApi(
                b ->
                    b.restApiId(apiId)
                        .patchOperations(
                            PatchOperation.builder()
                                .op(Op.REPLACE)
                                .path("/name")
                                .value("renamed")
                                .build()))
            .name());
    patching.close();
    apiGateway.deleteDeployment(b -> b.restApiId(apiId).deploymentId(first));
    assertThrows(
        NotFoundException.class,
        () -> apiGateway.getDeployment(b -> b.restApiId(apiId).deploymentId(first)));

    String apiArn = "arn:aws:apigateway:us-east-1::/restapis/" + apiId;
    apiGateway.tagResource(b -> b.resourceArn(apiArn).tags(Map.of("owner", "team-a", "app", "x")));
    apiGateway.untagResource(b -> b.resourceArn(apiArn).tagKeys("app"));
    assertEquals(Map.of("owner", "team-a"), apiGateway.getTags(b -> b.resourceArn(apiArn)).tags());
    String stageArn = apiArn + "/stages/prod";
    apiGateway.tagResource(b -> b.resourceArn(stageArn).tags(Map.of("tier", "gold")));
    assertEquals(
        Map.of("tier", "gold"),
        apiGateway.getStage(b -> b.restApiId(apiId).stageName("prod")).tags());
    assertThrows(
        NotFoundException.class,
        () -> apiGateway.getTags(b -> b.resourceArn(apiArn + "/stages/nope")));

    assertEquals(
        List.of("dev", "prod"),
        apiGateway.getStages(b -> b.restApiId(apiId)).item().stream()
            .map(Stage::stageName)
            .toList());
    apiGateway.deleteStage(b -> b.restApiId(apiId).stageName("prod"));
    assertThrows(
        NotFoundException.class,
        () -> apiGateway.getStage(b -> b.restApiId(apiId).stageName("prod")));
    assertFalse(apiGateway.getStages(b -> b.restApiId(apiId)).item().isEmpty());
  }

  private Stage toStage(String deploymentId, String apiId) {
    return apiGateway.getStages(b -> b.restApiId(apiId).deploymentId(deploymentId)).item().stream()
        .filter(stage -> stage.stageName().equals("prod"))
        .findFirst()
        .orElseThrow();
  }
}
