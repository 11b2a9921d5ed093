package io.dynagate.api;

/** The teams that exist, as the declaration side needs to know them (kept by the auth side). */
public interface TeamDirectory {

  boolean exists(String team);
}
