package io.dynagate.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM policy Dynagate itself needs in aws mode, narrowed by its configuration: the registry
 * table, the tables teams may declare, REST APIs, and roles only under its own IAM path and name
 * prefix, passed to API Gateway only. Pure: the configuration in, a policy document out.
 *
 * @param partition the ARN partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
 * @param tableNamePattern {@code dynagate.tables.name-pattern} (e.g. {@code {team}-*}), or empty
 * @param permissionsBoundary the ARN every generated role carries, or empty
 */
record OwnIamPolicy(
    String partition,
    String region,
    String accountId,
    String registryTable,
    Optional<String> tableNamePattern,
    String rolePath,
    String rolePrefix,
    Optional<String> permissionsBoundary) {

  Map<String, Object> document() {
    List<Object> statements = new ArrayList<>();
    statements.add(
        statement(
            "RegistryTable",
            List.of(
                "dynamodb:CreateTable",
                "dynamodb:DeleteItem",
                "dynamodb:DescribeTable",
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:Query",
                "dynamodb:UpdateItem"),
            List.of(table(registryTable)),
            null));
    statements.add(
        statement(
            tableNamePattern.isPresent() ? "DeclaredTables" : "DeclaredTablesAnyNameNoPatternSet",
            List.of(
                "dynamodb:CreateTable",
                "dynamodb:DeleteTable",
                "dynamodb:DescribeTable",
                "dynamodb:ListTagsOfResource",
                "dynamodb:TagResource"),
            List.of(table(tableNamePattern.map(OwnIamPolicy::wildcard).orElse("*"))),
            null));
    String apis = "arn:" + partition + ":apigateway:" + region + "::";
    statements.add(
        statement(
            "RestApis",
            List.of(
                "apigateway:DELETE",
                "apigateway:GET",
                "apigateway:PATCH",
                "apigateway:POST",
                "apigateway:PUT"),
            List.of(apis + "/restapis", apis + "/restapis/*", apis + "/tags/*"),
            null));
    String roles =
        "arn:" + partition + ":iam::" + accountId + ":role" + rolePath + rolePrefix + "-*";
    statements.add(
        statement(
            "CreateRoles",
            List.of("iam:CreateRole", "iam:TagRole"),
            List.of(roles),
            permissionsBoundary
                .map(
                    arn ->
                        Map.<String, Object>of(
                            "StringEquals", Map.of("iam:PermissionsBoundary", arn)))
                .orElse(null)));
    statements.add(
        statement(
            "ManageRoles",
            List.of(
                "iam:DeleteRole",
                "iam:DeleteRolePolicy",
                "iam:GetRole",
                "iam:GetRolePolicy",
                "iam:ListRolePolicies",
                "iam:ListRoleTags",
                "iam:PutRolePolicy",
                "iam:UpdateAssumeRolePolicy"),
            List.of(roles),
            null));
    statements.add(
        statement(
            "PassRolesToApiGatewayOnly",
            List.of("iam:PassRole"),
            List.of(roles),
            Map.<String, Object>of(
                "StringEquals", Map.of("iam:PassedToService", "apigateway.amazonaws.com"))));
    statements.add(statement("Identity", List.of("sts:GetCallerIdentity"), List.of("*"), null));
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("Version", "2012-10-17");
    policy.put("Statement", statements);
    return policy;
  }

  private String table(String name) {
    return "arn:" + partition + ":dynamodb:" + region + ":" + accountId + ":table/" + name;
  }

  /** {@code {team}-*} names tables of every team: {@code *-*}. */
  private static String wildcard(String pattern) {
    return pattern.replace("{team}", "*");
  }

  private static Map<String, Object> statement(
      String sid, List<String> actions, List<String> resources, Map<String, Object> condition) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    if (condition != null) {
      statement.put("Condition", condition);
    }
    return statement;
  }
}
