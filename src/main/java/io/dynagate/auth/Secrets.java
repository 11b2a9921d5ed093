package io.dynagate.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Random secrets and their digests; nothing here keeps or logs a secret. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  /** 256 random bits, URL-safe: enough that a fast digest cannot be searched. */
  static String secret() {
    return URL.encodeToString(bytes(32));
  }

  /** A public identifier: 64 random bits in hex (never '_', which separates token parts). */
  static String id() {
    return HexFormat.of().formatHex(bytes(8));
  }

  static byte[] salt() {
    return bytes(16);
  }

  /**
   * HMAC-SHA256 of the secret keyed by a per-token salt. A slow password hash is not needed: the
   * secret is random and long, not chosen by a person.
   */
  static byte[] hmac(byte[] salt, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** SHA-256, so that comparing two secrets of different lengths takes the same time. */
  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static boolean sameDigest(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  private static byte[] bytes(int count) {
    byte[] out = new byte[count];
    RANDOM.nextBytes(out);
    return out;
  }
}
