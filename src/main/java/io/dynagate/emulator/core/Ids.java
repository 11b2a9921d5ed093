package io.dynagate.emulator.core;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifiers in AWS's forms. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private Ids() {}

  /** API Gateway ids: 10 lower-case alphanumerics (REST APIs, resources, deployments). */
  public static String apiGateway() {
    return random(LOWER_ALNUM, 10);
  }

  /** IAM unique ids: a type prefix (e.g. {@code AROA} for roles) and 17 upper alphanumerics. */
  public static String iam(String prefix) {
    return prefix + random(UPPER_ALNUM, 17);
  }

  public static String requestId() {
    return UUID.randomUUID().toString();
  }

  private static String random(String alphabet, int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
