package org.lararena.analysis;

import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.LongSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/**
 * Builds a component's settings interface the way Elasticsearch 9.2 does (a {@link Proxy} answering each annotated
 * method from a flat map of the component's settings, or from the annotation's default when absent), so tests see
 * exactly what a component sees on a node: including that every method must carry exactly one settings annotation.
 */
final class Settings {

    private Settings() {}

    static <T> T of(Class<T> type, Map<String, ?> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, method, args) -> {
            Annotation[] annotations = method.getAnnotations();
            if (annotations.length != 1) {
                throw new AssertionError("Elasticsearch expects exactly one annotation on " + method);
            }
            return value(annotations[0], values);
        });
        return type.cast(proxy);
    }

    static <T> T absent(Class<T> type) {
        return of(type, Map.of());
    }

    private static Object value(Annotation a, Map<String, ?> values) {
        if (a instanceof IntSetting s) {
            Object v = values.get(s.path());
            return v == null ? s.defaultValue() : Integer.valueOf(v.toString());
        } else if (a instanceof LongSetting s) {
            Object v = values.get(s.path());
            return v == null ? s.defaultValue() : Long.valueOf(v.toString());
        } else if (a instanceof BooleanSetting s) {
            Object v = values.get(s.path());
            return v == null ? s.defaultValue() : Boolean.valueOf(v.toString());
        } else if (a instanceof StringSetting s) {
            Object v = values.get(s.path());
            return v == null ? s.defaultValue() : v.toString();
        } else if (a instanceof ListSetting s) {
            Object v = values.get(s.path());
            return v == null ? List.of() : v;
        }
        throw new IllegalArgumentException("Unrecognised annotation " + a);
    }

}
