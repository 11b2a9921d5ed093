package io.dynagate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.dynagate.support.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointConfiguration;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * A PRIVATE API declared with its VPC endpoints, end to end over HTTP: the REST API is created
 * private and associated with them (GetRestApi and GetRestApis say so), a changed list is patched
 * onto the live API with one UpdateRestApi and nothing else, an unchanged pass mutates nothing, and
 * the data plane answers only through a VPC endpoint the resource policy names ({@code
 * aws:SourceVpce}).
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class PrivateEndpointFlowTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST = "vpce-0a1b2c3d4e5f60789";
  private static final String SECOND = "vpce-0f9e8d7c6b5a43210";
  private static final String OTHER = "vpce-0123456789abcdef0";

  @Inject ApiGatewayClient apiGateway;
  @Inject EmbeddedEngine engine;

  @Test
  void aPrivateApiIsAssociatedWithItsVpcEndpointsAndAnswersOnlyThroughThem() throws Exception {
    given()
        .body(Seed.usersTableNamed("priv_users"))
        .put("/api/v1/tables/priv_users")
        .then()
        .statusCode(201);
    given().body(api(List.of(FIRST))).put("/api/v1/apis/inside").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"priv_users\"}")
        .put("/api/v1/apis/inside/routes/get-user")
        .then()
        .statusCode(201);
    String invokeUrl = reconcile();
    String id = given().get("/api/v1/apis/inside").then().extract().path("status.restApiId");

    EndpointConfiguration created =
        apiGateway.getRestApi(b -> b.restApiId(id)).endpointConfiguration();
    assertEquals(List.of("PRIVATE"), created.typesAsStrings());
    assertEquals(List.of(FIRST), created.vpcEndpointIds());
    RestApi listed =
        apiGateway.getRestApis(b -> b.limit(500)).items().stream()
            .filter(a -> a.id().equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(FIRST), listed.endpointConfiguration().vpcEndpointIds());

    HttpResponse<String> outside = get(invokeUrl + "/users/u1", null);
    assertEquals(403, outside.statusCode());
    assertEquals("{\"message\":\"Forbidden\"}", outside.body());
    HttpResponse<String> otherEndpoint = get(invokeUrl + "/users/u1", OTHER);
    assertEquals(403, otherEndpoint.statusCode());
    assertTrue(otherEndpoint.body().contains("explicit deny"), otherEndpoint.body());
    // past the gate: the table has no such item, so the route's own 404
    assertEquals(404, get(invokeUrl + "/users/u1", FIRST).statusCode());

    // the pass after the first finds everything as it left it, the role's trust pinned included
    resetCalls();
    reconcile();
    assertEquals(List.of(), mutatingCalls(), "the second pass mutates nothing");

    // a second VPC endpoint: the live API is patched, the definition is left as it is
    given().body(api(List.of(FIRST, SECOND))).put("/api/v1/apis/inside").then().statusCode(200);
    resetCalls();
    reconcile();
    assertEquals(List.of("apigateway:UpdateRestApi"), mutatingCalls());
    assertEquals(
        List.of(FIRST, SECOND),
        apiGateway
            .getRestApi(b -> b.restApiId(id))
            .endpointConfiguration()
            .vpcEndpointIds()
            .stream()
            .sorted()
            .toList());

    resetCalls();
    given()
        .post("/api/v1/apis/inside/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.message", org.hamcrest.Matchers.startsWith("in sync"));
    assertEquals(List.of(), mutatingCalls(), "an unchanged pass mutates nothing");
  }

  @Test
  void aRegionalApiTurnedPrivateIsPatchedInPlace() throws Exception {
    given()
        .body(Seed.usersTableNamed("priv_turned"))
        .put("/api/v1/tables/priv_turned")
        .then()
        .statusCode(201);
    given().body("{}").put("/api/v1/apis/turned").then().statusCode(201);
    given()
        .body("{\"method\":\"GET\",\"path\":\"/users/{userId}\",\"table\":\"priv_turned\"}")
        .put("/api/v1/apis/turned/routes/get-user")
        .then()
        .statusCode(201);
    String invokeUrl = reconcile("turned");
    String id = given().get("/api/v1/apis/turned").then().extract().path("status.restApiId");
    assertEquals(
        List.of("REGIONAL"),
        apiGateway.getRestApi(b -> b.restApiId(id)).endpointConfiguration().typesAsStrings());
    assertEquals(404, get(invokeUrl + "/users/u1", null).statusCode());

    given().body(api(List.of(FIRST))).put("/api/v1/apis/turned").then().statusCode(200);
    assertEquals(invokeUrl, reconcile("turned"), "the same REST API, not a new one");
    EndpointConfiguration turned =
        apiGateway.getRestApi(b -> b.restApiId(id)).endpointConfiguration();
    assertEquals(List.of("PRIVATE"), turned.typesAsStrings());
    assertEquals(List.of(FIRST), turned.vpcEndpointIds());
    assertEquals(403, get(invokeUrl + "/users/u1", null).statusCode());
    assertEquals(404, get(invokeUrl + "/users/u1", FIRST).statusCode());
  }

  @Test
  void vpcEndpointsOfAnApiThatIsNotPrivateAreRefused() {
    given()
        .body("{\"endpointType\":\"REGIONAL\",\"vpcEndpointIds\":[\"" + FIRST + "\"]}")
        .put("/api/v1/apis/not-private")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("vpcEndpointIds"));
  }

  /** A private API whose resource policy admits the same VPC endpoints it is associated with. */
  private static String api(List<String> endpoints) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "endpointType",
            "PRIVATE",
            "vpcEndpointIds",
            endpoints,
            "access",
            Map.of("resourcePolicy", Map.of("sourceVpcEndpoints", List.of(FIRST)))));
  }

  private static String reconcile() {
    return reconcile("inside");
  }

  private static String reconcile(String api) {
    return given()
        .post("/api/v1/apis/" + api + "/reconcile?wait=true")
        .then()
        .statusCode(200)
        .body("status.phase", equalTo("Ready"))
        .extract()
        .path("status.invokeUrl");
  }

  private void resetCalls() throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(engine.emulatorEndpoint().resolve("/_emulator/calls"))
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The API Gateway and IAM calls that change something, since the last reset. */
  private List<String> mutatingCalls() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(engine.emulatorEndpoint().resolve("/_emulator/calls"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode counts = JSON.readTree(answer.body());
    List<String> mutating = new ArrayList<>();
    for (Iterator<String> names = counts.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String operation = name.substring(name.indexOf(':') + 1);
      boolean controlPlane = name.startsWith("apigateway:") || name.startsWith("iam:");
      if (controlPlane && !operation.startsWith("Get") && !operation.startsWith("List")) {
        mutating.add(name);
      }
    }
    return mutating.stream().sorted().toList();
  }

  private static HttpResponse<String> get(String url, String vpcEndpoint) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (vpcEndpoint != null) {
      request.header("x-amzn-vpce-id", vpcEndpoint);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
