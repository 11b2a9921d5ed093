package io.dynagate.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.declaration.AccessRules.PublicRoutes;
import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.declaration.AccessSpec.ResourcePolicy;
import io.dynagate.declaration.AccessSpec.RouteAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access block's rules: values held to AWS's forms, private endpoints, public routes. */
class AccessRulesTest {

  private static final ResourcePolicy FROM_ACCOUNT =
      new ResourcePolicy(List.of("210987654321"), null, null);

  @Test
  void aValidBlockHasNoViolation() {
    ApiSpec spec =
        api(
            new AccessSpec(
                Authorization.AWS_IAM,
                new ResourcePolicy(
                    List.of(
                        "210987654321",
                        "arn:aws:iam::210987654321:role/app/reader",
                        "o-abcdef1234"),
                    List.of("10.0.0.0/8", "2001:db8::/32"),
                    List.of("vpce-0123456789abcdef0")),
                Map.of("user", new RouteAccess(Authorization.API_KEY, null))),
            null,
            null);
    assertEquals(List.of(), ApiRules.validate("shop", spec, PublicRoutes.DENY));
  }

  @Test
  void valuesBuiltToBreakOutOfThePolicyAreRefusedFieldByField() {
    ApiSpec spec =
        api(
            new AccessSpec(
                Authorization.NONE,
                new ResourcePolicy(
                    List.of("*", "arn:aws:iam::210987654321:role/a\"}],\"x\":[\"", "12345"),
                    List.of("0.0.0.0/0\"", "example.com"),
                    List.of("vpce-*")),
                Map.of("Bad Name", new RouteAccess(null, null))),
            null,
            null);
    List<String> fields = ApiRules.validate("shop", spec).stream().map(Violation::field).toList();
    assertEquals(
        List.of(
            "access.resourcePolicy.principals[0]",
            "access.resourcePolicy.principals[1]",
            "access.resourcePolicy.principals[2]",
            "access.resourcePolicy.sourceIps[0]",
            "access.resourcePolicy.sourceIps[1]",
            "access.resourcePolicy.sourceVpcEndpoints[0]",
            "access.routes"),
        fields);
  }

  @Test
  void aPrivateEndpointNeedsVpcEndpointsAndAResourcePolicy() {
    ApiSpec bare = api(null, ApiSpec.EndpointType.PRIVATE, null);
    assertEquals(
        List.of("vpcEndpointIds", "access.resourcePolicy"),
        ApiRules.validate("shop", bare).stream().map(Violation::field).toList());
    ApiSpec complete =
        api(
            new AccessSpec(null, FROM_ACCOUNT, null),
            ApiSpec.EndpointType.PRIVATE,
            List.of("vpce-0123456789abcdef0"));
    assertEquals(List.of(), ApiRules.validate("shop", complete));
  }

  @Test
  void publicRoutesAreRefusedOnlyWhenTheOperatorDeniesThem() {
    ApiSpec open = api(null, null, null);
    assertEquals(List.of(), ApiRules.validate("shop", open, PublicRoutes.ALLOW));
    assertEquals(
        List.of("access"),
        ApiRules.validate("shop", open, PublicRoutes.DENY).stream().map(Violation::field).toList());
    ApiSpec oneOpenRoute =
        api(
            new AccessSpec(
                Authorization.API_KEY,
                null,
                Map.of("health", new RouteAccess(Authorization.NONE, null))),
            null,
            null);
    assertTrue(!ApiRules.validate("shop", oneOpenRoute, PublicRoutes.DENY).isEmpty());
    assertEquals(
        List.of(),
        ApiRules.validate(
            "shop", api(new AccessSpec(null, FROM_ACCOUNT, null), null, null), PublicRoutes.DENY));
    assertTrue(AccessSpec.isPublic(null, "any"));
    assertTrue(!AccessSpec.isPublic(oneOpenRoute.access(), "user"));
    assertTrue(AccessSpec.isPublic(oneOpenRoute.access(), "health"));
  }

  private static ApiSpec api(
      AccessSpec access, ApiSpec.EndpointType endpointType, List<String> vpcEndpointIds) {
    return new ApiSpec(null, null, endpointType, null, null, null, access, vpcEndpointIds);
  }
}
