package io.dynagate.api;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served, read from the identity Quarkus Security authenticated.
 * There is no default: a request that reached a resource without an identity is refused, never
 * served as someone.
 */
@RequestScoped
public class CurrentCaller {

  private final SecurityIdentity identity;

  public CurrentCaller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Caller get() {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    String name = identity.getPrincipal().getName();
    return identity.hasRole(Caller.ADMIN_ROLE) ? Caller.administrator() : Caller.ofTeam(name);
  }
}
