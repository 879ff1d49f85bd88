package org.lararena.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The format version of a data directory, kept in its file {@value #FILE}. A directory written by this Lärarena
 * carries {@link #CURRENT}; one without the file but with data in it is of format 0, from before the version was
 * kept. At start-up an older directory is migrated step by step, and the new version is written only after every
 * step succeeded (a temporary file renamed into place), so a migration stopped half-way runs again from its last
 * recorded version: each step is written to be run again safely. A directory of a newer format is refused, with
 * what to do, before anything in it is touched.
 */
public final class DataFormat {

    public static final String FILE = "format-version";
    /**
     * Version 1: the layout of {@code documents/}, {@code jena/}, {@code memos/}, {@code insights/}, {@code audit/}.
     * Version 2: automatic suggestions in {@code jena/} may be stored without a quote selector, their quote derived from
     * their passage's {@code lar:text}; a Lärarena of version 1 could not read them.
     * Version 3: memos and the audit log are collections of documents in {@code memos/} and {@code audit/}, as
     * insights were already ({@link CollectionsMigration}).
     */
    public static final int CURRENT = 3;
    /** Entries whose presence shows that a directory without {@value #FILE} already holds data. */
    private static final List<String> DATA_PARTS = List.of("documents", "jena", "memos", "insights", "audit");
    private static final Logger LOG = LoggerFactory.getLogger(DataFormat.class);

    /** One step from {@code from} to {@code from + 1}. Must be safe to run again after it was stopped half-way. */
    interface Migration {
        int from();

        String description();

        void apply(Path dataDir) throws IOException;
    }

    /**
     * 0 → 1: the unversioned layout is the layout of version 1; the step only recognises it. 1 → 2: nothing to
     * rewrite, the new version only keeps an older Lärarena off the store. 2 → 3: {@link CollectionsMigration}. Later
     * steps go in this list, in order.
     */
    static final List<Migration> MIGRATIONS = List.of(new Migration() {
        @Override
        public int from() {
            return 0;
        }

        @Override
        public String description() {
            return "an unversioned data directory gets its format version";
        }

        @Override
        public void apply(Path dataDir) {
            // The layout did not change when the version was introduced.
        }
    }, new Migration() {
        @Override
        public int from() {
            return 1;
        }

        @Override
        public String description() {
            return "suggestions stored from now on derive their quote from their passage's text";
        }

        @Override
        public void apply(Path dataDir) {
            // Nothing to rewrite: annotations stored with their quote selector are read as they are.
        }
    }, new CollectionsMigration());

    private DataFormat() {
    }

    /**
     * Makes {@code dataDir} ready for this Lärarena: a new directory is stamped {@link #CURRENT}, an older one is
     * migrated, a newer or unreadable one is refused (409) with nothing changed. Returns the version found.
     */
    public static int prepare(Path dataDir) {
        return prepare(dataDir, CURRENT, MIGRATIONS);
    }

    static int prepare(Path dataDir, int current, List<Migration> migrations) {
        Objects.requireNonNull(dataDir);
        int found = read(dataDir);
        if (found > current) {
            throw new LararenaException(409, "data_format_too_new", "the data directory " + dataDir + " has format version " + found
                    + ", written by a newer Lärarena; this one reads up to version " + current
                    + ". Run the newer Lärarena on it, or restore a backup taken by this version into a new data directory.");
        }
        int version = found;
        while (version < current) {
            int from = version;
            Migration step = migrations.stream().filter(m -> m.from() == from).findFirst()
                    .orElseThrow(() -> new LararenaException(500, "data_format_no_migration", "no migration from format version " + from
                            + " of " + dataDir + ": take the Lärarena version that wrote it, back up, and restore into this one"));
            LOG.info("Migrating the data directory {} from format {} to {}: {}", dataDir, from, from + 1, step.description());
            try {
                step.apply(dataDir);
            } catch (IOException | RuntimeException e) {
                throw new LararenaException(500, "data_format_migration_failed", "migrating " + dataDir + " from format version " + from
                        + " failed (" + e.getMessage() + "); it stays at version " + from + " and the step runs again at the next start", e);
            }
            version = from + 1;
        }
        if (found != current || !Files.isRegularFile(dataDir.resolve(FILE))) {
            write(dataDir, current);
        }
        return found;
    }

    /** The version {@code dataDir} has: its file's number, 0 for data without the file, {@link #CURRENT} for a new directory. */
    static int read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            String text;
            try {
                text = Files.readString(file).strip();
            } catch (IOException e) {
                throw new LararenaException(500, "data_format_unreadable", "cannot read " + file + " (" + e.getMessage() + ")", e);
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new LararenaException(409, "data_format_unreadable", file + " should hold a format version number, not '"
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "': restore it, or restore a backup into a new data directory", e);
            }
        }
        boolean holdsData = DATA_PARTS.stream().anyMatch(part -> Files.exists(dataDir.resolve(part)));
        return holdsData ? 0 : CURRENT;
    }

    private static void write(Path dataDir, int version) {
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
            Files.writeString(temp, version + "\n");
            Files.move(temp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LararenaException(500, "data_format_unwritable", "cannot write the format version into " + dataDir
                    + " (" + e.getMessage() + ")", e);
        }
    }
}
