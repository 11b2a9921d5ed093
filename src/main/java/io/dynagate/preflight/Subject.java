package io.dynagate.preflight;

import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.Definition;

/**
 * What preflight proves: the exact definition that would be put on AWS, with the declarations it
 * was rendered from (which routes to probe, which tables to fill).
 *
 * @param stage the stage the definition is deployed to
 * @param policyName the name of the role's inline policy
 */
public record Subject(
    ApiDeclaration declaration, Definition definition, String stage, String policyName) {

  public String api() {
    return declaration.apiName();
  }
}
