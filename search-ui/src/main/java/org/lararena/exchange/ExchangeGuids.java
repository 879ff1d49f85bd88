package org.lararena.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The GUIDs Lärarena writes: name-based (RFC 4122 version 3) UUIDs of what they stand for, so the same concept,
 * document, annotation or memo has the same GUID in every export and another tool recognises a code it saw before.
 */
final class ExchangeGuids {

    private ExchangeGuids() {
    }

    /** A concept's code: from its IRI alone. */
    static String concept(String conceptIri) {
        return named(conceptIri);
    }

    static String user(String username) {
        return named("lararena:user:" + username);
    }

    static String document(String documentId) {
        return named("lararena:document:" + documentId);
    }

    static String selection(String annotationId) {
        return named("lararena:selection:" + annotationId);
    }

    static String coding(String annotationId) {
        return named("lararena:coding:" + annotationId);
    }

    static String memo(String memoId) {
        return named("lararena:memo:" + memoId);
    }

    static String memoSelection(String memoId) {
        return named("lararena:memo-selection:" + memoId);
    }

    static String variable(String name) {
        return named("lararena:variable:" + name);
    }

    static String pilotCase(String pilot) {
        return named("lararena:case:" + pilot);
    }

    /**
     * A GUID as the file wrote it, in one form for comparison: tools write it with or without braces, in either case.
     */
    static String normalised(String guid) {
        String bare = guid.strip();
        if (bare.startsWith("{") && bare.endsWith("}")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    private static String named(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
