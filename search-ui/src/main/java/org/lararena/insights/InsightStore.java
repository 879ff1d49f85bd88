package org.lararena.insights;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights researchers write, one JSON file each ({@code <id>.json}) in a folder of the data directory. A save
 * writes a temporary file and moves it over the old one in one step, so a crash leaves the old or the new version,
 * never half of one. Read once at start and kept in memory. Blocking (file I/O).
 */
public final class InsightStore {

    private static final Logger LOG = LoggerFactory.getLogger(InsightStore.class);
    /** Ids are also file names: lowercase letters, digits and hyphens only, so no id can name another path. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Map<String, Insight> insights = new ConcurrentHashMap<>();

    public InsightStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    try {
                        Insight insight = Insight.fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
                        insights.put(insight.id(), insight);
                    } catch (RuntimeException e) {
                        // One damaged file must not hide the others; it stays on disk for someone to mend.
                        LOG.warn("Insight file {} left out: {}", file, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the insights folder " + folder + " could not be read", e);
        }
    }

    /** Every stored insight, newest first. */
    public List<Insight> all() {
        return insights.values().stream()
                .sorted(Comparator.comparing(Insight::updated, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Insight::id))
                .toList();
    }

    public Optional<Insight> find(String id) {
        return Optional.ofNullable(insights.get(id));
    }

    /** Writes {@code insight} durably (replacing an earlier version), then makes it visible. */
    public synchronized Insight save(Insight insight) {
        if (!ID.matcher(insight.id()).matches()) {
            throw new IllegalArgumentException("not an insight id: " + insight.id());
        }
        Path target = folder.resolve(insight.id() + ".json");
        try {
            Path temporary = Files.createTempFile(folder, ".insight-", ".tmp");
            try {
                Files.writeString(temporary, insight.toJson().encodePrettily(), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the insight " + insight.id() + " could not be saved", e);
        }
        insights.put(insight.id(), insight);
        return insight;
    }

    /** @return whether there was such an insight */
    public synchronized boolean delete(String id) {
        if (!ID.matcher(id).matches() || !insights.containsKey(id)) {
            return false;
        }
        try {
            Files.deleteIfExists(folder.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("the insight " + id + " could not be deleted", e);
        }
        insights.remove(id);
        return true;
    }

    /**
     * Takes the quotes {@code erased} accepts out of every stored insight and adds {@code note} to its text in their
     * place, so a reader sees that a quote was erased rather than an argument that lost its support without a word.
     *
     * @return the ids of the insights changed
     */
    public synchronized List<String> eraseQuotes(Predicate<String> erased, String note, Instant at) {
        List<String> changed = new ArrayList<>();
        for (Insight insight : List.copyOf(insights.values())) {
            List<String> kept = insight.passages().stream().filter(erased.negate()).toList();
            if (kept.size() == insight.passages().size()) {
                continue;
            }
            String text = insight.text().isBlank() ? note : insight.text() + "\n\n" + note;
            save(new Insight(insight.id(), insight.title(), text, insight.themes(), kept, insight.status(), insight.createdBy(),
                    insight.created(), at, false));
            changed.add(insight.id());
        }
        return changed;
    }

    /** A new id from the title (readable in addresses) with a random tail (so two equal titles differ). */
    public static String newId(String title) {
        String slug = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        byte[] tail = new byte[3];
        RANDOM.nextBytes(tail);
        return (slug.isEmpty() ? "insikt" : slug) + "-" + HexFormat.of().formatHex(tail);
    }
}
