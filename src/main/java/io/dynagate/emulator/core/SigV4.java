package io.dynagate.emulator.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the credential scope of a SigV4 {@code Authorization} header; signatures are not checked.
 */
final class SigV4 {

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

  private SigV4() {}

  /** The service the request is signed for, e.g. {@code apigateway}. */
  static Optional<String> service(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher matcher = CREDENTIAL.matcher(authorization);
    return matcher.find() ? Optional.of(matcher.group(4)) : Optional.empty();
  }
}
