package io.dynagate.auth;

import io.dynagate.api.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns a bearer token into an identity: the admin token gives the principal {@code admin} with the
 * role {@link Caller#ADMIN_ROLE}; a team token gives its team as principal with the role {@link
 * Caller#TEAM_ROLE}. Team tokens are looked up in the registry at every request (no cache), and so
 * is their team, so that a revoked token, or a token of a team that is gone, fails at once.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final AdminToken admin;
  private final TeamStore store;

  public TokenIdentityProvider(AdminToken admin, TeamStore store) {
    this.admin = admin;
    this.store = store;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  // The admin token is compared in memory, on the calling thread; a team token is looked up in the
  // registry with blocking calls, off the event loop.
  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String bearer = request.getToken().getToken();
    if (admin.matches(bearer)) {
      return Uni.createFrom().item(identity(Caller.administrator()));
    }
    return context.runBlocking(
        () ->
            TeamToken.parse(bearer)
                .flatMap(this::teamOf)
                .map(TokenIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
  }

  private Optional<Caller> teamOf(TeamToken token) {
    return store
        .token(token.id())
        .filter(
            stored ->
                Secrets.sameDigest(stored.hmac(), Secrets.hmac(stored.salt(), token.secret())))
        .filter(stored -> store.teamExists(stored.team()))
        .map(stored -> Caller.ofTeam(stored.team()));
  }

  private static SecurityIdentity identity(Caller caller) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(caller.team()))
        .addRole(caller.admin() ? Caller.ADMIN_ROLE : Caller.TEAM_ROLE)
        .build();
  }
}
