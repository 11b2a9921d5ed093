package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.apigateway.model.DeployedStage;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.EmulatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call a deployed method, decided in API Gateway's order before anything runs: the caller's
 * identity ({@code AWS_IAM}: a verified SigV4 signature), the resource policy and the identity
 * policies on {@code execute-api:Invoke}, the API key and its usage plans, then the stage's and the
 * method's throttling. Each refusal is AWS's status and body.
 */
@ApplicationScoped
class CallerAccess {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The VPC endpoint a request came through ({@code aws:SourceVpce}), as API Gateway names it. */
  static final String VPC_ENDPOINT_HEADER = "x-amzn-vpce-id";

  private final Signers signers;
  private final KeyUsage keys;
  private final Throttles stageThrottles = new Throttles();
  private final String region;
  private final String accountId;
  private final Map<String, Parsed> policies = new ConcurrentHashMap<>();

  private record Parsed(String text, ResourcePolicy policy) {}

  CallerAccess(Signers signers, KeyUsage keys, EmulatorSettings settings) {
    this.signers = signers;
    this.keys = keys;
    this.region = settings.region();
    this.accountId = settings.accountId();
  }

  /**
   * The refusal for this request, or empty when it may run.
   *
   * @param path the request path under the stage, as sent (e.g. {@code /users/u1})
   */
  Optional<EmulatorResponse> refusal(
      DeployedStage deployed, RouteTree.Match match, EmulatorRequest request, String path) {
    if (deployed.api().endpointTypes().contains("PRIVATE")
        && request.header(VPC_ENDPOINT_HEADER) == null) {
      // A private API answers only what reaches it through an interface VPC endpoint.
      return Optional.of(AccessResponses.forbidden());
    }
    Method method = match.method();
    String apiId = deployed.api().id();
    String stage = deployed.stage().stageName();
    boolean iam = "AWS_IAM".equals(method.authorizationType());
    // An open method of an API without a resource policy needs no decision: the common case.
    if (iam || resourcePolicy(deployed).isPresent()) {
      String methodArn =
          "arn:aws:execute-api:"
              + region
              + ":"
              + accountId
              + ":"
              + apiId
              + "/"
              + stage
              + "/"
              + request.method()
              + path;
      ResourcePolicy.Principal principal = ResourcePolicy.Principal.ANONYMOUS;
      List<Policy> identity = List.of();
      if (iam) {
        Signers.Outcome outcome = signers.identify(request, region);
        if (outcome.refusal() != null) {
          return Optional.of(outcome.refusal());
        }
        principal = outcome.caller().principal();
        identity = outcome.caller().policies();
      }
      Optional<EmulatorResponse> denied =
          authorize(deployed, principal, identity, methodArn, conditionKeys(request, principal));
      if (denied.isPresent()) {
        return denied;
      }
    }
    String methodKey = match.resource().path() + "/" + method.httpMethod();
    if (Boolean.TRUE.equals(method.apiKeyRequired())) {
      Optional<EmulatorResponse> refused = keys.refusal(apiId, stage, methodKey, request);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return throttled(deployed, match, methodKey)
        ? Optional.of(AccessResponses.tooManyRequests())
        : Optional.empty();
  }

  private Optional<EmulatorResponse> authorize(
      DeployedStage deployed,
      ResourcePolicy.Principal principal,
      List<Policy> identity,
      String methodArn,
      Map<String, String> keys) {
    Optional<ResourcePolicy> resource = resourcePolicy(deployed);
    Policy.Decision byResource =
        resource.map(p -> p.decide(principal, methodArn, keys)).orElse(null);
    Policy.Decision byIdentity =
        principal.anonymous()
            ? null
            : Policy.evaluate(
                identity, new Policy.Request("execute-api:Invoke", methodArn, null, keys));
    if (byResource == Policy.Decision.EXPLICIT_DENY
        || byIdentity == Policy.Decision.EXPLICIT_DENY) {
      return Optional.of(AccessResponses.notAuthorized(principal.arn(), methodArn, true));
    }
    boolean allowed;
    if (principal.anonymous()) {
      // Without IAM authorization only the resource policy can refuse; none means open.
      allowed = byResource == null || byResource == Policy.Decision.ALLOW;
    } else {
      // Same account: either policy may allow.
      allowed = byIdentity == Policy.Decision.ALLOW || byResource == Policy.Decision.ALLOW;
    }
    return allowed
        ? Optional.empty()
        : Optional.of(AccessResponses.notAuthorized(principal.arn(), methodArn, false));
  }

  private Optional<ResourcePolicy> resourcePolicy(DeployedStage deployed) {
    String text = deployed.api().policy();
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String apiId = deployed.api().id();
    Parsed cached = policies.get(apiId);
    if (cached == null || !cached.text().equals(text)) {
      ResourcePolicy policy;
      try {
        policy =
            ResourcePolicy.parse(
                JSON.readTree(text),
                "arn:aws:execute-api:%s:%s:%s".formatted(region, accountId, apiId));
      } catch (JsonProcessingException e) {
        // API Gateway refuses such a policy when it is set; an unreadable one allows no one.
        policy = new ResourcePolicy(List.of());
      }
      cached = new Parsed(text, policy);
      policies.put(apiId, cached);
    }
    return Optional.of(cached.policy());
  }

  /** The stage's setting for this method, else its {@code *}/{@code *} setting. */
  private boolean throttled(DeployedStage deployed, RouteTree.Match match, String methodKey) {
    var settings = deployed.stage().methodSettings();
    if (settings.isEmpty()) {
      return false;
    }
    // The stage keeps a method's setting under its resource path without the leading slash;
    // the patch path's ~1 form is accepted too, whichever the store keeps.
    String verb = "/" + match.method().httpMethod();
    String resourcePath = match.resource().path();
    var setting = settings.get(resourcePath.substring(1) + verb);
    if (setting == null) {
      setting = settings.get(resourcePath.replace("/", "~1") + verb);
    }
    if (setting == null || setting.throttlingRateLimit() == null) {
      setting = settings.get("*/*");
    }
    if (setting == null) {
      return false;
    }
    String subject = deployed.api().id() + "/" + deployed.stage().stageName() + methodKey;
    return !stageThrottles.admit(
        subject, setting.throttlingRateLimit(), setting.throttlingBurstLimit());
  }

  private Map<String, String> conditionKeys(
      EmulatorRequest request, ResourcePolicy.Principal principal) {
    Map<String, String> keys = new HashMap<>();
    keys.put("aws:sourceip", sourceIp(request.header("x-forwarded-for")));
    String vpce = request.header(VPC_ENDPOINT_HEADER);
    if (vpce != null) {
      keys.put("aws:sourcevpce", vpce);
    }
    if (!principal.anonymous()) {
      keys.put("aws:principalaccount", principal.accountId());
      keys.put("aws:principalarn", principal.arn());
    }
    return keys;
  }

  /** The client's address as the data plane sees it (see {@code $context.identity.sourceIp}). */
  private static String sourceIp(String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank()) {
      return "127.0.0.1";
    }
    int comma = forwardedFor.indexOf(',');
    return (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
  }
}
