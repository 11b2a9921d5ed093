package io.dynagate.emulator.iam;

import io.dynagate.emulator.core.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** IAM's XML shapes for roles, tags and name lists. */
final class IamXml {

  private IamXml() {}

  /**
   * A {@code Role} element's content; list answers leave tags and the boundary out, as IAM does.
   */
  static Xml role(Xml xml, Role role, boolean full) {
    xml.text("Path", role.path())
        .text("RoleName", role.roleName())
        .text("RoleId", role.roleId())
        .text("Arn", role.arn())
        .text("CreateDate", role.createDate())
        .text("AssumeRolePolicyDocument", encode(role.assumeRolePolicyDocument()))
        .text("Description", role.description())
        .text("MaxSessionDuration", role.maxSessionDuration());
    if (full && role.permissionsBoundary() != null) {
      xml.open("PermissionsBoundary")
          .text("PermissionsBoundaryType", "Policy")
          .text("PermissionsBoundaryArn", role.permissionsBoundary())
          .close("PermissionsBoundary");
    }
    if (full && !role.tags().isEmpty()) {
      tags(xml, role.tags());
    }
    return xml;
  }

  static Xml tags(Xml xml, Map<String, String> tags) {
    xml.open("Tags");
    tags.forEach(
        (key, value) -> xml.open("member").text("Key", key).text("Value", value).close("member"));
    return xml.close("Tags");
  }

  static Xml names(Xml xml, String element, Collection<String> names) {
    xml.open(element);
    names.forEach(name -> xml.text("member", name));
    return xml.close(element);
  }

  /** Policy documents travel URL-encoded in IAM's answers; the SDKs hand them on as they are. */
  static String encode(String document) {
    return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
