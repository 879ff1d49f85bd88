package org.lararena.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs against one application, started before its first test on a data directory of its own and
 * stopped after its last ({@link ApplicationExtension}). Its static {@link RunningApplication} field gets the
 * application and each static field marked {@link Token} a token of the development realm.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ApplicationExtension.class)
public @interface WithApplication {

    /** {@code LARARENA_*} settings as {@code KEY=value}, over the harness's (which load no demo data). */
    String[] settings() default {};

    /** Whether the demo documents are loaded; the tests start once every one of them is indexed. */
    boolean demoData() default false;
}
