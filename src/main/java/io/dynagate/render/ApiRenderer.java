package io.dynagate.render;

/**
 * Declarations in, definition out: a pure function (no I/O, no clock, no AWS calls). Stage
 * throttling, endpoint type and tags are not part of the definition: the reconciler applies them to
 * the stage and the rest API ({@code endpointConfigurationTypes} parameter of PutRestApi).
 */
public final class ApiRenderer {

  private ApiRenderer() {}

  public static Definition render(ApiDeclaration api) {
    String openApi = CanonicalJson.compact(new OpenApiDocument(api).build());
    String trust = CanonicalJson.write(IamPolicies.trust(api));
    String permissions = CanonicalJson.write(IamPolicies.permissions(api));
    return new Definition(
        openApi,
        trust,
        permissions,
        api.roleName(),
        CanonicalJson.sha256(openApi, trust, permissions));
  }
}
