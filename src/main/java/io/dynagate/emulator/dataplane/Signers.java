package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.SigV4;
import io.dynagate.emulator.iam.User;
import io.dynagate.emulator.iam.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who signed a request to an {@code AWS_IAM} method: the SigV4 signature is recomputed from the
 * access key's secret in the emulator's IAM; only an equal signature by an active key of a known
 * user identifies a caller. Its identity policies are parsed once per version of the user.
 */
@ApplicationScoped
class Signers {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A verified caller and its identity policies. */
  record Signed(ResourcePolicy.Principal principal, List<Policy> policies) {}

  /** The caller, or the answer that refuses the request. */
  record Outcome(Signed caller, EmulatorResponse refusal) {
    static Outcome refused(EmulatorResponse refusal) {
      return new Outcome(null, refusal);
    }
  }

  private final UserStore users;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(User user, List<Policy> policies) {}

  Signers(UserStore users) {
    this.users = users;
  }

  Outcome identify(EmulatorRequest request, String region) {
    String authorization = request.header("authorization");
    if (authorization == null || authorization.isBlank()) {
      return Outcome.refused(GatewayResponses.missingToken());
    }
    Optional<SigV4.Claim> claim = SigV4.claim(authorization);
    if (claim.isEmpty()) {
      return Outcome.refused(
          AccessResponses.badSignature(
              SigV4.Refusal.MALFORMED.code(), SigV4.Refusal.MALFORMED.message()));
    }
    Optional<UserStore.Signer> signer =
        users.signer(claim.get().accessKeyId()).filter(s -> s.key().active());
    if (signer.isEmpty()) {
      return Outcome.refused(AccessResponses.unknownAccessKey());
    }
    if (!claim.get().service().equals("execute-api") || !claim.get().region().equals(region)) {
      return Outcome.refused(
          AccessResponses.badSignature(
              "InvalidSignatureException",
              "Credential should be scoped to correct service: 'execute-api' and region: '"
                  + region
                  + "'."));
    }
    Optional<SigV4.Refusal> refusal =
        SigV4.verify(request, claim.get(), signer.get().key().secretAccessKey(), Instant.now());
    if (refusal.isPresent()) {
      return Outcome.refused(
          AccessResponses.badSignature(refusal.get().code(), refusal.get().message()));
    }
    User user = signer.get().user();
    String account = user.arn().split(":")[4];
    return new Outcome(
        new Signed(new ResourcePolicy.Principal(user.arn(), account), policies(user)), null);
  }

  private List<Policy> policies(User user) {
    Parsed cached = parsed.get(user.userName());
    if (cached == null || cached.user() != user) {
      List<Policy> policies = user.inlinePolicies().values().stream().map(Signers::parse).toList();
      cached = new Parsed(user, policies);
      parsed.put(user.userName(), cached);
    }
    return cached.policies();
  }

  private static Policy parse(String document) {
    try {
      return Policy.parse(JSON.readTree(document));
    } catch (JsonProcessingException e) {
      return new Policy(List.of());
    }
  }
}
