package io.dynagate.store;

/** A create lost: a declaration of that name exists (another team's, or one being deleted). */
public class NameTakenException extends RuntimeException {

  private final transient Ref ref;

  public NameTakenException(Ref ref) {
    super(ref + " exists");
    this.ref = ref;
  }

  public Ref ref() {
    return ref;
  }
}
