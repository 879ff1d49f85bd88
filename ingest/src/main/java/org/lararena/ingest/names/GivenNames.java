package org.lararena.ingest.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Swedish given names and surnames of Datafaker's {@code sv.yml} (Maven Central {@code net.datafaker:datafaker},
 * Apache-2.0; see {@code docs/names.md} for why this list). Read once from the classpath; only the three flat lists
 * of the file are read, so no YAML parser is needed.
 */
final class GivenNames {

    private static final String RESOURCE = "/sv.yml";
    private static final Pattern LIST = Pattern.compile("(?m)^\\s*(female_first_name|male_first_name|last_name):\\s*\\[(.*)]\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private static volatile GivenNames loaded;

    private final Set<String> givenNames;
    private final Set<String> surnames;

    private GivenNames(Set<String> givenNames, Set<String> surnames) {
        this.givenNames = Set.copyOf(givenNames);
        this.surnames = Set.copyOf(surnames);
    }

    static GivenNames standard() {
        GivenNames names = loaded;
        if (names == null) {
            synchronized (GivenNames.class) {
                if (loaded == null) {
                    loaded = read();
                }
                names = loaded;
            }
        }
        return names;
    }

    private static GivenNames read() {
        try (InputStream in = GivenNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Swedish name list " + RESOURCE + " (Datafaker) is not on the classpath");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> given = new HashSet<>();
            Set<String> surnames = new HashSet<>();
            Matcher list = LIST.matcher(yaml);
            while (list.find()) {
                Set<String> into = list.group(1).equals("last_name") ? surnames : given;
                Matcher name = QUOTED.matcher(list.group(2));
                while (name.find()) {
                    into.add(name.group(1));
                }
            }
            if (given.isEmpty()) {
                throw new IllegalStateException("no given names found in " + RESOURCE);
            }
            return new GivenNames(given, surnames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code word}, as written (capital first), is a listed given name ("Kajsa", "Anna-Lena"). */
    boolean isGivenName(String word) {
        return givenNames.contains(word);
    }

    /** Whether {@code word}, as written, is a listed surname ("Lindqvist"). */
    boolean isSurname(String word) {
        return surnames.contains(word);
    }

    int size() {
        return givenNames.size() + surnames.size();
    }
}
