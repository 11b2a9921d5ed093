package io.dynagate.api;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by the authentication filter. */
@RequestScoped
public class CurrentCaller {

  private Caller caller = Caller.administrator();

  public Caller get() {
    return caller;
  }

  public void set(Caller caller) {
    this.caller = caller;
  }
}
