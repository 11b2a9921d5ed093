package io.dynagate.render;

/**
 * The generated artefacts of one API, each canonical JSON (sorted keys, stable layout).
 *
 * @param openApi the OpenAPI 3 document for {@code PutRestApi} (mode overwrite)
 * @param trustPolicy the role's assume-role policy
 * @param permissionPolicy the role's inline policy
 * @param roleName the role the policies belong to (the integrations' credentials)
 * @param hash SHA-256 (hex) over the three documents: equal hashes, equal definitions
 */
public record Definition(
    String openApi, String trustPolicy, String permissionPolicy, String roleName, String hash) {

  /**
   * The permission policy's size as IAM counts it against its quota on a role's inline policies:
   * characters without the white space between tokens.
   */
  public int permissionPolicySize() {
    return CanonicalJson.withoutWhiteSpace(permissionPolicy).length();
  }
}
