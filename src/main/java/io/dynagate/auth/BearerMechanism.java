package io.dynagate.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Set;

/**
 * {@code Authorization: Bearer TOKEN}: the one way to authenticate. A request without a bearer
 * header is anonymous (and refused by any call that needs a caller); a bearer value that is not a
 * token, or a second Authorization header, fails authentication. Authentication is not proactive:
 * public pages never look at the header.
 */
@ApplicationScoped
public class BearerMechanism implements HttpAuthenticationMechanism {

  static final String SCHEME = "Bearer";

  /** The challenge of every 401. */
  static final String CHALLENGE = SCHEME + " realm=\"dynagate\"";

  /** Longer bearer values are refused unread. */
  static final int MAX_TOKEN_LENGTH = 256;

  private static final String PREFIX = SCHEME + " ";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    List<String> headers = context.request().headers().getAll(HttpHeaders.AUTHORIZATION);
    if (headers.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    String header = headers.get(0);
    if (headers.size() > 1) {
      return refused();
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      // another scheme: this request is anonymous, as without a header
      return Uni.createFrom().nullItem();
    }
    String token = header.substring(PREFIX.length()).trim();
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return refused();
    }
    return identities.authenticate(
        new TokenAuthenticationRequest(new TokenCredential(token, SCHEME)));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
  }

  private static Uni<SecurityIdentity> refused() {
    return Uni.createFrom().failure(new AuthenticationFailedException());
  }
}
