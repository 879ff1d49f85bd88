package org.lararena.app;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.lararena.platform.services.ServerDistributions;
import org.lararena.platform.testing.TestServices;

/**
 * Starts the application of a {@link WithApplication} test class before its {@code @BeforeAll} methods and stops it
 * after its {@code @AfterAll} methods, on the harness's real Elasticsearch and Keycloak, and fills the class's static
 * {@link RunningApplication} and {@link Token} fields. The data directory is removed with the application.
 */
final class ApplicationExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApplicationExtension.class);
    /** How long the data directory of a stopped application may take to be removed. */
    private static final Duration DATA_DIR_REMOVAL = Duration.ofSeconds(30);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        WithApplication wanted = AnnotationSupport.findAnnotation(testClass, WithApplication.class)
                .orElseThrow(() -> new IllegalStateException(testClass.getName() + " has no @WithApplication"));
        Path dataDir = Files.createTempDirectory("lararena-it-");
        context.getStore(NAMESPACE).put("dataDir", dataDir);
        RunningApplication app = RunningApplication.start(dataDir, settings(wanted));
        context.getStore(NAMESPACE).put("app", app);
        if (wanted.demoData()) {
            app.awaitAllIndexed(token("forskare"));
        }
        for (Field field : staticFields(testClass)) {
            if (field.getType() == RunningApplication.class) {
                set(field, app);
            } else if (field.isAnnotationPresent(Token.class)) {
                set(field, token(field.getAnnotation(Token.class).value()));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        RunningApplication app = context.getStore(NAMESPACE).remove("app", RunningApplication.class);
        if (app != null) {
            app.close();
        }
        Path dataDir = context.getStore(NAMESPACE).remove("dataDir", Path.class);
        if (dataDir != null) {
            // A test may leave work queued (a pile of uploads), and a file the stopping application still writes can
            // stand in the way of the removal: removed again until it is gone.
            boolean gone = Eventually.until(() -> removed(dataDir), removed -> removed, DATA_DIR_REMOVAL);
            if (!gone) {
                throw new IllegalStateException("the data directory " + dataDir + " could not be removed in " + DATA_DIR_REMOVAL);
            }
        }
    }

    /** Whether {@code dataDir} is gone after an attempt to remove it. */
    private static boolean removed(Path dataDir) {
        try {
            ServerDistributions.deleteTree(dataDir);
        } catch (IOException e) {
            // a file written or removed meanwhile: look again
        }
        return !Files.exists(dataDir);
    }

    /** A token of this user of the development realm (the password is the user's name). */
    static String token(String user) {
        return TestServices.get().accessToken(user, user);
    }

    private static Map<String, String> settings(WithApplication wanted) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : wanted.settings()) {
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a setting is KEY=value, not " + setting);
            }
            settings.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        settings.put("LARARENA_DEMO_DATA", String.valueOf(wanted.demoData()));
        return settings;
    }

    private static Field[] staticFields(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())).toArray(Field[]::new);
    }

    private static void set(Field field, Object value) throws IllegalAccessException {
        field.setAccessible(true);
        field.set(null, value);
    }
}
