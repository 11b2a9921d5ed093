package io.dynagate.api;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served, set by the authentication filter. There is no default: a
 * request that reached a resource without a caller is refused, never served as someone.
 */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  public Caller get() {
    if (caller == null) {
      throw ApiException.unauthorized("send Authorization: Bearer TOKEN with a valid token");
    }
    return caller;
  }

  public void set(Caller caller) {
    this.caller = caller;
  }
}
