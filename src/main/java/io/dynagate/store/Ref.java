package io.dynagate.store;

/** The address of one declaration: its kind, its parent API for routes, and its name. */
public record Ref(Kind kind, String parent, String name) {

  public static Ref table(String name) {
    return new Ref(Kind.TABLE, null, name);
  }

  public static Ref api(String name) {
    return new Ref(Kind.API, null, name);
  }

  public static Ref route(String api, String name) {
    return new Ref(Kind.ROUTE, api, name);
  }

  public static Ref consumer(String api, String team) {
    return new Ref(Kind.CONSUMER, api, team);
  }

  String partition() {
    return kind.partition(parent);
  }

  @Override
  public String toString() {
    return parent == null
        ? kind.name().toLowerCase() + " " + name
        : kind.name().toLowerCase() + " " + parent + "/" + name;
  }
}
