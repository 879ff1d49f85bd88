package org.lararena.insights;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.JsonCollection.Stored;
import org.lararena.platform.shared.Updates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights researchers write, one document each in the insight collection ({@link #COLLECTION}) that every
 * instance shares. A change is written against the version of the insight it was made from: two researchers changing
 * one insight through two instances at once both get their change, the second made to what the first left
 * ({@link #update}). One insight is read from the collection ({@link #find}); the list of all ({@link #all}) comes
 * from memory, filled at start and kept up to date by this instance's writes and by {@link #reread} for another
 * instance's. Blocking.
 */
public final class InsightStore {

    /** The name of the insights' collection. */
    public static final String COLLECTION = "insights";
    private static final Logger LOG = LoggerFactory.getLogger(InsightStore.class);
    /** Ids appear in addresses and may be file names: lowercase letters, digits and hyphens only, so no id can name another path. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JsonCollection documents;
    private final Map<String, Insight> insights = new ConcurrentHashMap<>();

    public InsightStore(JsonCollection documents) {
        this.documents = Objects.requireNonNull(documents, "documents");
        for (Stored document : documents.all()) {
            // One damaged insight must not hide the others; it stays stored for someone to mend.
            read(document).ifPresent(insight -> insights.put(insight.id(), insight));
        }
    }

    /** Every stored insight, newest first. */
    public List<Insight> all() {
        return insights.values().stream()
                .sorted(Comparator.comparing(Insight::updated, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Insight::id))
                .toList();
    }

    /** The insight as it is now, on whichever instance it was last changed. */
    public Optional<Insight> find(String id) {
        return ID.matcher(id).matches() ? documents.find(id).flatMap(InsightStore::read) : Optional.empty();
    }

    /** Stores a new insight; {@link JsonCollection.ChangedMeanwhile} when its id is taken. */
    public Insight create(Insight insight) {
        checkId(insight.id());
        documents.create(insight.id(), insight.toJson());
        insights.put(insight.id(), insight);
        return insight;
    }

    /**
     * Changes the insight {@code id} as {@code change} says, made again to the new state when another instance changed
     * it meanwhile ({@code change} must only compute); 404 when there is no such insight.
     */
    public Insight update(String id, UnaryOperator<Insight> change) {
        checkId(id);
        Insight[] changed = new Insight[1]; // the insight made from the state that was written
        Updates.apply(documents, id, body -> {
            changed[0] = change.apply(Insight.fromJson(body));
            return changed[0].toJson();
        }).orElseThrow(() -> LararenaException.notFound("no insight with that id"));
        insights.put(id, changed[0]);
        return changed[0];
    }

    /** @return whether there was such an insight */
    public boolean delete(String id) {
        if (!ID.matcher(id).matches()) {
            return false;
        }
        boolean deleted = documents.delete(id);
        insights.remove(id);
        return deleted;
    }

    /** Another instance changed the insight {@code id} (a change notice): the list shows it as it is now. */
    public void reread(String id) {
        documents.find(id).flatMap(InsightStore::read).ifPresentOrElse(insight -> insights.put(id, insight), () -> insights.remove(id));
    }

    /**
     * Takes the quotes {@code erased} accepts out of every stored insight and adds {@code note} to its text in their
     * place, so a reader sees that a quote was erased rather than an argument that lost its support without a word.
     *
     * @return the ids of the insights changed
     */
    public List<String> eraseQuotes(Predicate<String> erased, String note, Instant at) {
        List<String> changed = new ArrayList<>();
        for (Stored document : documents.all()) {
            Optional<Insight> stored = read(document);
            if (stored.isEmpty() || stored.get().passages().stream().noneMatch(erased)) {
                continue;
            }
            update(document.id(), insight -> {
                List<String> kept = insight.passages().stream().filter(erased.negate()).toList();
                if (kept.size() == insight.passages().size()) {
                    return insight; // erased meanwhile by another instance
                }
                String text = insight.text().isBlank() ? note : insight.text() + "\n\n" + note;
                return new Insight(insight.id(), insight.title(), text, insight.themes(), kept, insight.status(), insight.createdBy(),
                        insight.created(), at, false);
            });
            changed.add(document.id());
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

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an insight id: " + id);
        }
    }

    private static Optional<Insight> read(Stored document) {
        try {
            return Optional.of(Insight.fromJson(document.body()));
        } catch (RuntimeException e) {
            LOG.warn("Insight {} left out: {}", document.id(), e.getMessage());
            return Optional.empty();
        }
    }
}
