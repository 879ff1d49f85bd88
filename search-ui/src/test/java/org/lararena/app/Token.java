package org.lararena.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static {@code String} field of a {@link WithApplication} test class that gets an access token of this user of
 * the development realm, whose password is the user's name ({@code forskare}, {@code pilot}, {@code admin}, ...).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Token {

    /** The user's name. */
    String value();
}
