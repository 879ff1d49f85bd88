package org.lararena.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word lists read at run time, cached so that Elasticsearch's habit of building every component each time an index is
 * created costs one read per file version, not one per index.
 */
final class WordLists {

    /** The dictionary that ships in the jar (see {@code default-decompound.txt}). */
    static final String DEFAULT_DICTIONARY = "default-decompound.txt";

    private record Key(Path path, long modified, long size) {}

    private static final ConcurrentHashMap<Key, List<String>> FILES = new ConcurrentHashMap<>();

    private WordLists() {}

    private static final class DefaultHolder {
        static final List<String> WORDS = List.copyOf(ConfigFiles.readResource(DEFAULT_DICTIONARY));
    }

    static List<String> defaultDictionary() {
        return DefaultHolder.WORDS;
    }

    /** The lines of the file {@code setting} names (relative to the config dir); an error if it cannot be read. */
    static List<String> file(String setting) {
        Path path = ConfigFiles.resolve(setting);
        Key key;
        try {
            key = new Key(path, Files.getLastModifiedTime(path).toMillis(), Files.size(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read [" + path + "] (from setting value [" + setting + "]): " + e, e);
        } catch (SecurityException e) {
            throw new IllegalArgumentException("not allowed to read [" + path + "]: " + e.getMessage()
                + " (put the file under the Elasticsearch config directory)", e);
        }
        if (FILES.size() > 64) {
            FILES.clear();
        }
        return FILES.computeIfAbsent(key, k -> List.copyOf(ConfigFiles.readLines(k.path())));
    }
}
