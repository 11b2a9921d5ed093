package io.dynagate.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Every {@code @QuarkusTest} calls the API as admin unless its class is marked {@link OwnTokens}:
 * tests about declarations need not repeat the token, tests about access choose their own.
 * Registered in {@code META-INF/services}.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    if (context.getTestInstance().getClass().isAnnotationPresent(OwnTokens.class)) {
      TestAuth.anonymous();
    } else {
      TestAuth.asAdmin();
    }
  }
}
