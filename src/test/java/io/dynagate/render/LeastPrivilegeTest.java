package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Generated IAM grants exactly what the routes use: no wildcard anywhere, no action unused. */
class LeastPrivilegeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void noGeneratedPolicyHasAWildcardActionOrResource() throws Exception {
    Definition definition = DefinitionTest.definition();
    for (String policy : List.of(definition.permissionPolicy(), definition.trustPolicy())) {
      for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
        for (String field : List.of("Action", "Resource", "NotAction", "NotResource")) {
          for (String value : values(statement.path(field))) {
            assertFalse(
                value.contains("*") || value.contains("?"), field + " " + value + " in " + policy);
          }
        }
        assertEquals("Allow", statement.path("Effect").asText());
      }
    }
  }

  @Test
  void thePermissionPolicyNamesExactlyTheActionsAndTablesTheRoutesUse() throws Exception {
    Set<String> actions = new TreeSet<>();
    Set<String> resources = new TreeSet<>();
    for (JsonNode statement :
        JSON.readTree(DefinitionTest.definition().permissionPolicy()).path("Statement")) {
      actions.addAll(values(statement.path("Action")));
      resources.addAll(values(statement.path("Resource")));
    }
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query"), actions);
    assertTrue(
        resources.stream().allMatch(r -> r.startsWith("arn:aws:dynamodb:")), resources.toString());
    assertTrue(
        resources.stream().anyMatch(r -> r.endsWith("/index/byStatus")),
        "a GSI query names its index: " + resources);
  }

  @Test
  void theTrustPolicyTrustsApiGatewayOfThisAccountOnly() throws Exception {
    JsonNode statement =
        JSON.readTree(DefinitionTest.definition().trustPolicy()).path("Statement").get(0);
    assertEquals("apigateway.amazonaws.com", statement.path("Principal").path("Service").asText());
    assertEquals("sts:AssumeRole", statement.path("Action").asText());
    assertTrue(
        statement.path("Condition").toString().contains("aws:SourceAccount"), statement.toString());
  }

  private static List<String> values(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void everyWriteRouteGetsExactlyItsActionOnExactlyItsTable() throws Exception {
    RouteGoldenTest.writeKinds()
        .forEach(
            arguments -> {
              io.dynagate.declaration.RouteSpec route =
                  (io.dynagate.declaration.RouteSpec) arguments.get()[1];
              ApiDeclaration api = Fixtures.api(route);
              JsonNode policy = read(ApiRenderer.render(api).permissionPolicy());
              assertEquals(1, policy.path("Statement").size(), policy.toString());
              JsonNode statement = policy.path("Statement").get(0);
              assertEquals(
                  List.of("dynamodb:" + route.actionOrDefault().name()),
                  values(statement.path("Action")));
              assertEquals(
                  List.of(api.tableArn(route.table())), values(statement.path("Resource")));
              assertTrue(statement.path("NotAction").isMissingNode());
            });
  }

  @Test
  void readsAndWritesOfSeveralTablesAreGrantedActionByActionTableByTable() throws Exception {
    var routes =
        List.of(
            new ApiDeclaration.NamedRoute(
                "get-order",
                Fixtures.getItem(
                    "/orders",
                    "orders",
                    java.util.Map.of("customerId", "query.c", "createdAt", "query.at"))),
            new ApiDeclaration.NamedRoute(
                "put-user",
                io.dynagate.declaration.RouteSpec.write(
                    "PUT",
                    "/users/{userId}",
                    "users",
                    io.dynagate.declaration.RouteSpec.Action.PutItem,
                    java.util.Map.of(),
                    null,
                    null,
                    null,
                    null,
                    null)),
            new ApiDeclaration.NamedRoute(
                "delete-file",
                io.dynagate.declaration.RouteSpec.write(
                    "DELETE",
                    "/files/{fileId}",
                    "files",
                    io.dynagate.declaration.RouteSpec.Action.DeleteItem,
                    java.util.Map.of(),
                    null,
                    null,
                    null,
                    null,
                    null)));
    ApiDeclaration api =
        Fixtures.api(
            new io.dynagate.declaration.ApiSpec(null, null, null, null, null, null), routes);
    java.util.Map<String, List<String>> granted = new java.util.TreeMap<>();
    for (JsonNode statement : read(ApiRenderer.render(api).permissionPolicy()).path("Statement")) {
      for (String action : values(statement.path("Action"))) {
        granted.put(action, values(statement.path("Resource")));
      }
    }
    assertEquals(
        java.util.Map.of(
            "dynamodb:GetItem", List.of(api.tableArn("orders")),
            "dynamodb:PutItem", List.of(api.tableArn("users")),
            "dynamodb:DeleteItem", List.of(api.tableArn("files"))),
        granted);
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** An API writing three tables through routes of every kind (see the golden file). */
  static ApiDeclaration writingApi() {
    RouteSpec putCreate =
        RouteSpec.write(
            "POST",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            null,
            null,
            null,
            null,
            true);
    RouteSpec putReplace =
        RouteSpec.write(
            "PUT",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            null,
            null,
            null,
            null,
            null);
    RouteSpec update =
        RouteSpec.write(
            "PATCH",
            "/users/{userId}",
            "users",
            Action.UpdateItem,
            Map.of(),
            null,
            "age",
            null,
            true,
            true);
    RouteSpec deleteFile =
        RouteSpec.write(
            "DELETE",
            "/files/{fileId}",
            "files",
            Action.DeleteItem,
            Map.of(),
            null,
            "rev",
            null,
            null,
            null);
    RouteSpec putOrderOpen =
        RouteSpec.write(
            "PUT",
            "/orders/{customerId}",
            "orders",
            Action.PutItem,
            Map.of("createdAt", "header.X-Created"),
            RouteSpec.Mode.upsert,
            null,
            true,
            null,
            null);
    RouteSpec putOrderDeclared =
        RouteSpec.write(
            "POST",
            "/orders/{customerId}",
            "orders",
            Action.PutItem,
            Map.of("createdAt", "header.X-Created"),
            null,
            null,
            null,
            null,
            null);
    RouteSpec putEvent =
        RouteSpec.write(
            "PUT",
            "/events/{tenant}/{eventId}",
            "events",
            Action.PutItem,
            Map.of(),
            null,
            null,
            null,
            null,
            null);
    return Fixtures.api(
        new ApiSpec(null, null, null, null, null, null),
        List.of(
            new ApiDeclaration.NamedRoute("create-user", putCreate),
            new ApiDeclaration.NamedRoute("replace-user", putReplace),
            new ApiDeclaration.NamedRoute("update-user", update),
            new ApiDeclaration.NamedRoute("delete-file", deleteFile),
            new ApiDeclaration.NamedRoute("put-order", putOrderOpen),
            new ApiDeclaration.NamedRoute("post-order", putOrderDeclared),
            new ApiDeclaration.NamedRoute("put-event", putEvent),
            new ApiDeclaration.NamedRoute(
                "get-user", Fixtures.getItem("/users/{userId}", "users", Map.of()))));
  }

  @Test
  void writePoliciesMatchTheirGoldenFile() {
    Golden.assertMatches(
        "policies/writes.json", ApiRenderer.render(writingApi()).permissionPolicy());
  }

  @Test
  void aDeclaredWriteMayWriteExactlyTheKeyTheSchemaTheVersionAndTheTimestamps() {
    List<String> granted = new ArrayList<>();
    for (JsonNode statement :
        read(ApiRenderer.render(writingApi()).permissionPolicy()).path("Statement")) {
      JsonNode attributes =
          statement.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:Attributes");
      String table = values(statement.path("Resource")).toString().replaceAll(".*table/", "");
      granted.add(
          values(statement.path("Action")).get(0).replace("dynamodb:", "")
              + " "
              + table.replace("]", "")
              + (attributes.isMissingNode() ? "" : " " + values(attributes)));
    }
    TreeSet<String> user = new TreeSet<>(Fixtures.USER_SCHEMA.keySet());
    user.add("userId");
    TreeSet<String> stamped = new TreeSet<>(user);
    stamped.addAll(List.of("createdAt", "updatedAt"));
    assertEquals(
        List.of(
            "DeleteItem files [fileId, rev]",
            "GetItem users",
            // the open upsert makes the declared POST on orders no narrower: one statement, open
            "PutItem orders",
            "PutItem users " + stamped,
            "PutItem users " + user,
            "PutItem events [eventId, tenant]",
            "UpdateItem users " + stamped),
        granted);
  }

  @Test
  void routesWithTheSameActionAndAttributesShareAStatementAcrossTables() {
    RouteSpec one =
        RouteSpec.write(
            "PUT",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            null,
            null,
            null,
            null,
            null);
    RouteSpec two =
        RouteSpec.write(
            "PATCH",
            "/users/{userId}",
            "users",
            Action.PutItem,
            Map.of(),
            null,
            null,
            null,
            null,
            null);
    JsonNode policy =
        read(
            ApiRenderer.render(
                    Fixtures.api(
                        new ApiSpec(null, null, null, null, null, null),
                        List.of(
                            new ApiDeclaration.NamedRoute("one", one),
                            new ApiDeclaration.NamedRoute("two", two))))
                .permissionPolicy());
    assertEquals(1, policy.path("Statement").size(), policy.toString());
    assertEquals("DynamodbPutItem", policy.path("Statement").get(0).path("Sid").asText());
  }

  @Test
  void sidsAreUniqueWithinThePolicy() {
    List<String> sids = new ArrayList<>();
    read(ApiRenderer.render(writingApi()).permissionPolicy())
        .path("Statement")
        .forEach(s -> sids.add(s.path("Sid").asText()));
    assertEquals(new TreeSet<>(sids).size(), sids.size(), sids.toString());
  }
}
