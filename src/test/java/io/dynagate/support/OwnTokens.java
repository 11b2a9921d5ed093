package io.dynagate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated test class sends the Authorization headers it means to send: {@link AdminByDefault}
 * leaves its RestAssured calls without a default token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnTokens {}
