package io.dynagate.emulator.core;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

  /** A random (version 4) UUID; not a secret, so not drawn from the slower SecureRandom. */
  public static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private static String random(String alphabet, int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
