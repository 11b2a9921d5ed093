package io.dynagate.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.TableSpec;
import io.dynagate.reconcile.RestApiPort.LiveRestApi;
import io.dynagate.reconcile.RestApiPort.LiveStage;
import io.dynagate.reconcile.RolePort.LiveRole;
import io.dynagate.reconcile.TablePort.LiveTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's decisions, one table row per situation. */
class PlannerTest {

  private static final String OPENAPI =
      """
      {"openapi":"3.0.1","paths":{"/users/{userId}":{"get":{"x-amazon-apigateway-integration":{
        "type":"aws","uri":"arn:aws:apigateway:us-east-1:dynamodb:action/GetItem","credentials":"arn:role",
        "requestTemplates":{"application/json":"{}"},
        "responses":{"default":{"statusCode":"200","responseTemplates":{"application/json":"ok"}}}}}}}}
      """;
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}";
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"dynamodb:GetItem\"]}]}";
  private static final Map<String, String> TAGS = Map.of(Desired.API_TAG, "shop");
  private static final TableSpec USERS =
      new TableSpec(
          "users",
          List.of(new TableSpec.AttributeDefinition("userId", AttributeType.S)),
          List.of(new TableSpec.KeySchemaElement("userId", KeyType.HASH)),
          "PAY_PER_REQUEST",
          null,
          null,
          null,
          null);
  private static final RestApiPort.Endpoint REGIONAL =
      new RestApiPort.Endpoint("REGIONAL", List.of());
  private static final Desired DESIRED =
      new Desired(
          "shop",
          "dev",
          null,
          REGIONAL,
          List.of(USERS),
          new RolePort.DesiredRole("dynagate-shop", "/dynagate/", TRUST, TAGS, Optional.empty()),
          "arn:role",
          "dynagate-dynamodb-access",
          POLICY,
          OPENAPI,
          "h1",
          TAGS,
          null);

  private static Observed converged() {
    return new Observed(
        Map.of(
            "users",
            Optional.of(
                new LiveTable(
                    "users",
                    "arn:table",
                    "ACTIVE",
                    USERS.keySchema(),
                    USERS.attributeDefinitions(),
                    TablePort.ownerTags("shop")))),
        Optional.of(new LiveRole("dynagate-shop", "arn:role", TRUST.replace(" ", ""), TAGS)),
        Optional.of(POLICY),
        Optional.of(new LiveRestApi("abc123defg", "shop", TAGS, REGIONAL)),
        OpenApiShape.of(OPENAPI),
        Optional.of(new LiveStage("dev", "d1", Desired.deploymentDescription("h1"), null)));
  }

  private static List<Change> plan(Desired desired, Observed observed) {
    return Plan.of(desired, observed).changes();
  }

  private static List<String> kinds(List<Change> changes) {
    return changes.stream().map(c -> c.getClass().getSimpleName()).toList();
  }

  @Test
  void nothingLiveCreatesEverythingInOrder() {
    Observed nothing =
        new Observed(
            Map.of("users", Optional.empty()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new ApiShape(Map.of()),
            Optional.empty());
    assertEquals(
        List.of(
            "CreateTable",
            "CreateRole",
            "PutRolePolicy",
            "CreateRestApi",
            "PutRestApi",
            "CreateDeployment"),
        kinds(plan(DESIRED, nothing)));
  }

  @Test
  void aConvergedApiNeedsNoChange() {
    assertEquals(List.of(), plan(DESIRED, converged()));
  }

  @Test
  void aPrivateEndpointIsPatchedOntoTheLiveApiAloneWithoutARedeployment() {
    Desired wanted = withEndpoint(new RestApiPort.Endpoint("PRIVATE", List.of("vpce-1", "vpce-0")));
    List<Change> plan = plan(wanted, converged());
    assertEquals(List.of("UpdateEndpoint"), kinds(plan));
    assertEquals(
        "change the endpoint from REGIONAL to PRIVATE [vpce-0, vpce-1]", plan.get(0).describe());
  }

  @Test
  void theSameVpcEndpointsInAnotherOrderAreNoChange() {
    Observed o = converged();
    RestApiPort.LiveRestApi live = o.restApi().orElseThrow();
    Observed privateLive =
        new Observed(
            o.tables(),
            o.role(),
            o.policy(),
            Optional.of(
                new RestApiPort.LiveRestApi(
                    live.id(),
                    live.name(),
                    live.tags(),
                    new RestApiPort.Endpoint("PRIVATE", List.of("vpce-1", "vpce-0")))),
            o.shape(),
            o.stage());
    Desired wanted = withEndpoint(new RestApiPort.Endpoint("PRIVATE", List.of("vpce-0", "vpce-1")));
    assertEquals(List.of(), plan(wanted, privateLive));
  }

  private static Desired withEndpoint(RestApiPort.Endpoint endpoint) {
    return new Desired(
        DESIRED.api(),
        DESIRED.stage(),
        DESIRED.description(),
        endpoint,
        DESIRED.tables(),
        DESIRED.role(),
        DESIRED.roleArn(),
        DESIRED.policyName(),
        DESIRED.permissionPolicy(),
        DESIRED.openApi(),
        DESIRED.definitionHash(),
        DESIRED.tags(),
        DESIRED.throttling());
  }

  @Test
  void aDeletedMethodIsPutBackAndDeployed() {
    Observed o = converged();
    Observed drifted =
        new Observed(
            o.tables(), o.role(), o.policy(), o.restApi(), new ApiShape(Map.of()), o.stage());
    List<Change> plan = plan(DESIRED, drifted);
    assertEquals(List.of("PutRestApi", "CreateDeployment"), kinds(plan));
    assertEquals("put the API definition (GET /users/{userId}: missing)", plan.get(0).describe());
  }

  @Test
  void aChangedTemplateIsDrift() {
    Observed o = converged();
    ApiShape changed = OpenApiShape.of(OPENAPI.replace("\"ok\"", "\"tampered\""));
    assertEquals(
        List.of("PutRestApi", "CreateDeployment"),
        kinds(
            plan(
                DESIRED,
                new Observed(o.tables(), o.role(), o.policy(), o.restApi(), changed, o.stage()))));
  }

  @Test
  void aNewDefinitionIsPutAndDeployed() {
    Observed o = converged();
    Observed old =
        new Observed(
            o.tables(),
            o.role(),
            o.policy(),
            o.restApi(),
            o.shape(),
            Optional.of(new LiveStage("dev", "d0", Desired.deploymentDescription("h0"), null)));
    assertEquals(List.of("PutRestApi", "CreateDeployment"), kinds(plan(DESIRED, old)));
  }

  @Test
  void aMissingStageIsOnlyDeployed() {
    Observed o = converged();
    assertEquals(
        List.of("CreateDeployment"),
        kinds(
            plan(
                DESIRED,
                new Observed(
                    o.tables(), o.role(), o.policy(), o.restApi(), o.shape(), Optional.empty()))));
  }

  @Test
  void aDeletedOrChangedPolicyIsPutBack() {
    Observed o = converged();
    assertEquals(
        List.of("PutRolePolicy"),
        kinds(
            plan(
                DESIRED,
                new Observed(
                    o.tables(), o.role(), Optional.empty(), o.restApi(), o.shape(), o.stage()))));
    assertEquals(
        List.of("PutRolePolicy"),
        kinds(
            plan(
                DESIRED,
                new Observed(
                    o.tables(),
                    o.role(),
                    Optional.of(POLICY.replace("GetItem", "*")),
                    o.restApi(),
                    o.shape(),
                    o.stage()))));
  }

  @Test
  void aChangedTrustPolicyIsUpdated() {
    Observed o = converged();
    LiveRole loose = new LiveRole("dynagate-shop", "arn:role", "{\"Statement\":[]}", TAGS);
    assertEquals(
        List.of("UpdateTrust"),
        kinds(
            plan(
                DESIRED,
                new Observed(
                    o.tables(),
                    Optional.of(loose),
                    o.policy(),
                    o.restApi(),
                    o.shape(),
                    o.stage()))));
  }

  @Test
  void aTableWithAnotherKeySchemaBlocksThePass() {
    Observed o = converged();
    LiveTable other =
        new LiveTable(
            "users",
            "arn:table",
            "ACTIVE",
            List.of(new TableSpec.KeySchemaElement("id", KeyType.HASH)),
            List.of(new TableSpec.AttributeDefinition("id", AttributeType.S)),
            TablePort.ownerTags("shop"));
    List<Change> plan =
        plan(
            DESIRED,
            new Observed(
                Map.of("users", Optional.of(other)),
                o.role(),
                o.policy(),
                o.restApi(),
                o.shape(),
                o.stage()));
    assertEquals(List.of("Blocked"), kinds(plan));
  }

  @Test
  void aKeyOfAnotherTypeBlocksThePass() {
    Observed o = converged();
    LiveTable numeric =
        new LiveTable(
            "users",
            "arn:table",
            "ACTIVE",
            USERS.keySchema(),
            List.of(new TableSpec.AttributeDefinition("userId", AttributeType.N)),
            TablePort.ownerTags("shop"));
    assertEquals(
        List.of("Blocked"),
        kinds(
            plan(
                DESIRED,
                new Observed(
                    Map.of("users", Optional.of(numeric)),
                    o.role(),
                    o.policy(),
                    o.restApi(),
                    o.shape(),
                    o.stage()))));
  }

  @Test
  void aRoleDynagateDidNotMakeIsNeverTaken() {
    Observed o = converged();
    LiveRole foreign = new LiveRole("dynagate-shop", "arn:role", TRUST, Map.of());
    assertEquals(
        List.of("Blocked"),
        kinds(
            plan(
                DESIRED,
                new Observed(
                    o.tables(),
                    Optional.of(foreign),
                    o.policy(),
                    o.restApi(),
                    o.shape(),
                    o.stage()))));
  }

  @Test
  void deletionRemovesTheRestApiAndOurRoleOnly() {
    Observed o = converged();
    assertEquals(
        List.of("DeleteRestApi", "DeleteRole"), kinds(Plan.Removal.of("shop", o).changes()));
    Observed foreign =
        new Observed(
            o.tables(),
            Optional.of(new LiveRole("dynagate-shop", "arn", TRUST, Map.of())),
            o.policy(),
            Optional.empty(),
            o.shape(),
            o.stage());
    assertEquals(List.of(), kinds(Plan.Removal.of("shop", foreign).changes()));
  }

  @Test
  void declaredThrottlingIsSetOnceAndThenLeftAlone() {
    Desired throttled =
        new Desired(
            DESIRED.api(),
            DESIRED.stage(),
            null,
            REGIONAL,
            DESIRED.tables(),
            DESIRED.role(),
            DESIRED.roleArn(),
            DESIRED.policyName(),
            POLICY,
            OPENAPI,
            "h1",
            TAGS,
            new Desired.Throttling(50.0, 100));
    assertEquals(List.of("ThrottleStage"), kinds(plan(throttled, converged())));
    Observed o = converged();
    Observed set =
        new Observed(
            o.tables(),
            o.role(),
            o.policy(),
            o.restApi(),
            o.shape(),
            Optional.of(
                new LiveStage(
                    "dev",
                    "d1",
                    Desired.deploymentDescription("h1"),
                    new Desired.Throttling(50.0, 100))));
    assertEquals(List.of(), plan(throttled, set));
  }

  @Test
  void aPlanWithABlockBeforeOrAfterOtherChangesIsBlockedAsAWhole() {
    Observed o = converged();
    LiveRole foreign = new LiveRole("dynagate-shop", "arn:role", TRUST, Map.of());
    Plan plan =
        Plan.of(
            DESIRED,
            new Observed(
                Map.of("users", Optional.empty()),
                Optional.of(foreign),
                o.policy(),
                o.restApi(),
                o.shape(),
                o.stage()));
    assertEquals(List.of("CreateTable", "Blocked"), kinds(plan.changes()));
    assertEquals(
        Optional.of("role dynagate-shop exists and was not made by Dynagate for this API"),
        plan.blocked());
    assertEquals(Optional.empty(), Plan.of(DESIRED, converged()).blocked());
  }

  @Test
  void anApiWithoutRoutesPlansOnlyTheRemovalOfItsStage() {
    Desired noRoutes =
        new Desired(
            "shop",
            "dev",
            null,
            REGIONAL,
            List.of(),
            DESIRED.role(),
            DESIRED.roleArn(),
            DESIRED.policyName(),
            POLICY,
            "{\"openapi\":\"3.0.1\",\"paths\":{}}",
            "h0",
            TAGS,
            null);
    assertEquals(List.of("DeleteStage"), kinds(Plan.of(noRoutes, converged()).changes()));
    Observed o = converged();
    Observed stageGone =
        new Observed(o.tables(), o.role(), o.policy(), o.restApi(), o.shape(), Optional.empty());
    assertEquals(List.of(), Plan.of(noRoutes, stageGone).changes());
  }

  @Test
  void unchangedDecisionsCarryTheLiveIdsForward() {
    Plan plan = Plan.of(DESIRED, converged());
    assertEquals(Outcome.UNCHANGED, plan.definition().outcome());
    assertEquals("abc123defg", plan.definition().liveId());
    assertEquals("d1", plan.deployment().liveId());
    assertEquals("arn:table", plan.tables().get(0).liveId());
  }
}
