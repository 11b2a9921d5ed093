package io.dynagate.preflight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.render.ApiDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * The credentials a run calls its closed routes with, made on the shadow for this run and removed
 * after it: for {@code API_KEY} routes an API key in a usage plan of the shadow's stage, for {@code
 * AWS_IAM} routes an IAM user whose identity policy allows {@code execute-api:Invoke} on exactly
 * those routes. Nothing of them is sent anywhere but the shadow.
 */
final class ShadowCallers implements AutoCloseable {

  private static final String POLICY = "preflight-invoke";

  private final ShadowAws aws;
  private final ShadowAws.ApiKeyGrant key;
  private final ShadowAws.SigningUser user;
  private final String region;

  private ShadowCallers(
      ShadowAws aws, ShadowAws.ApiKeyGrant key, ShadowAws.SigningUser user, String region) {
    this.aws = aws;
    this.key = key;
    this.user = user;
    this.region = region;
  }

  /** What the probed routes need: a key if one requires it, a user if one requires a signature. */
  static ShadowCallers make(
      ShadowAws aws,
      List<RouteCase> cases,
      ApiDeclaration declaration,
      String restApiId,
      String stage,
      String nonce) {
    String name = "preflight-" + nonce;
    List<RouteCase> keyed = closed(cases, Authorization.API_KEY);
    List<RouteCase> signed = closed(cases, Authorization.AWS_IAM);
    ShadowAws.ApiKeyGrant key = keyed.isEmpty() ? null : aws.apiKey(restApiId, stage, name);
    ShadowAws.SigningUser user = null;
    try {
      if (!signed.isEmpty()) {
        user = aws.user(name, POLICY, invokePolicy(signed, declaration, restApiId, stage));
      }
    } catch (RuntimeException e) {
      if (key != null) {
        aws.forget(key);
      }
      throw e;
    }
    return new ShadowCallers(aws, key, user, declaration.region());
  }

  /** The caller a route of this authorization is called as, when this run made one. */
  Optional<Caller> of(Authorization authorization) {
    return switch (authorization) {
      case API_KEY -> Optional.ofNullable(key).map(k -> new Caller.ApiKey(k.value()));
      case AWS_IAM ->
          Optional.ofNullable(user)
              .map(u -> new Caller.Signer(u.accessKeyId(), u.secret(), region));
      case NONE -> Optional.of(Caller.ANONYMOUS);
    };
  }

  /** Routes a credentialed caller is probed on: a resource policy would decide them as well. */
  static boolean probed(RouteCase route) {
    return route.authorization() != Authorization.NONE && !route.resourcePolicy();
  }

  private static List<RouteCase> closed(List<RouteCase> cases, Authorization authorization) {
    return cases.stream().filter(c -> c.authorization() == authorization && probed(c)).toList();
  }

  /** Allows {@code execute-api:Invoke} on each route's ARN, path parameters as {@code *}. */
  private static String invokePolicy(
      List<RouteCase> routes, ApiDeclaration declaration, String restApiId, String stage) {
    ObjectNode policy = StageClient.JSON.createObjectNode().put("Version", "2012-10-17");
    ObjectNode statement =
        policy
            .putArray("Statement")
            .addObject()
            .put("Effect", "Allow")
            .put("Action", "execute-api:Invoke");
    ArrayNode resources = statement.putArray("Resource");
    for (RouteCase route : routes) {
      resources.add(
          "arn:"
              + declaration.partition()
              + ":execute-api:"
              + declaration.region()
              + ":"
              + declaration.accountId()
              + ":"
              + restApiId
              + "/"
              + stage
              + "/"
              + route.spec().method()
              + route.spec().path().replaceAll("\\{[^}/]+}", "*"));
    }
    return policy.toString();
  }

  @Override
  public void close() {
    if (key != null) {
      aws.forget(key);
    }
    if (user != null) {
      aws.forget(user);
    }
  }
}
