package io.dynagate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * List cursors: the position (the last name read) sealed with AES-GCM under {@link CursorKey}, the
 * list it belongs to bound as associated data. A cursor reveals nothing (not even the length of the
 * name: the position is padded), and one that was tampered with, made up, or taken from another
 * list does not open.
 */
@ApplicationScoped
public class Cursors {

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  // Every position (table names up to 255 bytes, slugs, audit ids) fits; all cursors are as long.
  private static final int PADDED = 258;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CursorKey key;

  public Cursors(CursorKey key) {
    this.key = key;
  }

  /** The cursor of {@code position} in the list {@code scope}. */
  public String seal(String scope, String position) {
    byte[] text = position.getBytes(StandardCharsets.UTF_8);
    if (text.length > PADDED - 2) {
      throw new IllegalArgumentException("position too long for a cursor");
    }
    ByteBuffer plain = ByteBuffer.allocate(PADDED).putShort((short) text.length).put(text);
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.get(), nonce, scope);
      byte[] sealed = cipher.doFinal(plain.array());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a cursor", e);
    }
  }

  /** The position a cursor of the list {@code scope} holds; {@link InvalidCursorException} else. */
  public String open(String scope, String cursor) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException();
    }
    if (raw.length != NONCE + PADDED + TAG_BITS / 8) {
      throw new InvalidCursorException();
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOf(raw, NONCE), scope);
      ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(raw, NONCE, raw.length - NONCE));
      int length = plain.getShort();
      if (length < 1 || length > PADDED - 2) {
        throw new InvalidCursorException();
      }
      byte[] text = new byte[length];
      plain.get(text);
      return new String(text, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new InvalidCursorException();
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String scope)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(scope.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
