package io.dynagate.api;

/** Which teams exist: what a declaration naming teams ({@code SharedWith}) is checked against. */
public interface TeamDirectory {

  boolean teamExists(String team);
}
