package org.lararena.analysis;

import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.Nameable;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PluginPackagingTest {

    private static final Path NAMED_COMPONENTS = Path.of("src/main/plugin/named_components.json");

    /** extensible interface → (component name → class name), read from named_components.json. */
    static Map<String, Map<String, String>> namedComponents() throws IOException {
        String json = Files.readString(NAMED_COMPONENTS);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher section = Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\\{([^}]*)}").matcher(json);
        while (section.find()) {
            Map<String, String> components = new LinkedHashMap<>();
            Matcher entry = Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\"([\\w.]+)\"").matcher(section.group(2));
            while (entry.find()) {
                components.put(entry.group(1), entry.group(2));
            }
            out.put(section.group(1), components);
        }
        return out;
    }

    @Test
    @DisplayName("named_components.json names every component under the interface it implements, with its @NamedComponent name")
    void namedComponentsMatchTheClasses() throws Exception {
        Map<String, Map<String, String>> declared = namedComponents();
        assertThat(declared.keySet()).allMatch(k -> k.startsWith("org.elasticsearch.plugin.analysis."));
        int count = 0;
        for (var section : declared.entrySet()) {
            Class<?> extensible = Class.forName(section.getKey());
            for (var component : section.getValue().entrySet()) {
                Class<?> type = Class.forName(component.getValue());
                assertThat(extensible.isAssignableFrom(type)).as(type + " implements " + extensible).isTrue();
                assertThat(type.getAnnotation(NamedComponent.class).value()).isEqualTo(component.getKey());
                assertThat(component.getKey()).startsWith("lararena_");
                count++;
            }
        }
        assertThat(count).isEqualTo(9);
    }

    @Test
    @DisplayName("constructors accept absent settings")
    void constructorsAcceptAbsentSettings() throws Exception {
        for (var section : namedComponents().values()) {
            for (String className : section.values()) {
                Object component = instantiate(Class.forName(className), Map.of());
                assertThat(((Nameable) component).name()).startsWith("lararena_");
            }
        }
    }

    @Test
    @DisplayName("components have the one public constructor Elasticsearch requires, and settings interfaces one annotation a method")
    void constructorsFollowTheStableApiRules() throws Exception {
        for (var section : namedComponents().values()) {
            for (String className : section.values()) {
                Class<?> type = Class.forName(className);
                assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
                Constructor<?>[] constructors = type.getConstructors();
                assertThat(constructors).as(className).hasSize(1);
                Constructor<?> c = constructors[0];
                if (c.getParameterCount() > 0) {
                    assertThat(c.getAnnotation(Inject.class)).as(className + " @Inject").isNotNull();
                    for (Class<?> p : c.getParameterTypes()) {
                        assertThat(p.isInterface()).isTrue();
                        assertThat(p.getAnnotation(AnalysisSettings.class)).as(p + " @AnalysisSettings").isNotNull();
                        for (Method m : p.getMethods()) {
                            assertThat(m.getAnnotations()).as(m.toString()).hasSize(1);
                            assertThat(m.isDefault()).isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("stable-plugin-descriptor.properties has exactly the keys Elasticsearch 9.2 reads, filtered")
    void descriptorHasTheKeysElasticsearchReads() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/plugin-descriptor/stable-plugin-descriptor.properties"))) {
            p.load(in);
        }
        // PluginDescriptor.readerStableDescriptor: name, description, version, elasticsearch.version, java.version,
        // optional modular; any other key is rejected as unknown.
        assertThat(p.stringPropertyNames()).containsAll(Set.of("name", "description", "version", "elasticsearch.version", "java.version"));
        assertThat(Set.of("name", "description", "version", "elasticsearch.version", "java.version", "modular"))
            .containsAll(p.stringPropertyNames());
        assertThat(p.getProperty("name")).isEqualTo("lararena-analysis-sv");
        assertThat(p.getProperty("elasticsearch.version")).isEqualTo("9.2.8");
        assertThat(p.values()).noneMatch(v -> v.toString().contains("${"));
    }

    static Object instantiate(Class<?> type, Map<String, ?> settings) throws Exception {
        Constructor<?> c = type.getConstructors()[0];
        Object[] args = new Object[c.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = Settings.of(c.getParameterTypes()[i], settings);
        }
        return c.newInstance(args);
    }
}
