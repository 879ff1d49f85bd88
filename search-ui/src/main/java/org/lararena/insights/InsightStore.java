package org.lararena.insights;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.SharedCollections;

/**
 * The insights researchers write, one document each ({@link #KIND}) in the collection every instance shares: files of
 * a single instance ({@code <id>.json}, each written to a temporary file and renamed into place, so a crash leaves the
 * old or the new version), or Elasticsearch in a cluster. A change is made to the insight as it is now: two
 * researchers changing one insight through two instances at once both get their change, the second made to what the
 * first left ({@link #update}). Held in memory and kept current with the other instances' changes
 * ({@link CachedCollection}). Writes block.
 */
public final class InsightStore {

    /** The insights' collection. */
    public static final SharedCollections.Kind KIND = new SharedCollections.Kind("insights", "the insight", true, List.of("status"),
            List.of("updated"));
    /** An insight's document: {@link Insight#toJson}. */
    public static final CachedCollection.Codec<Insight> CODEC = new CachedCollection.Codec<>() {
        @Override
        public JsonObject write(Insight insight) {
            return insight.toJson();
        }

        @Override
        public Insight read(JsonObject body) {
            return Insight.fromJson(body);
        }
    };
    /** Ids appear in addresses and are file names: lowercase letters, digits and hyphens only, so no id can name another path. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CachedCollection<Insight> insights;

    public InsightStore(CachedCollection<Insight> insights) {
        this.insights = Objects.requireNonNull(insights, "insights");
    }

    /** Every stored insight, newest first. */
    public List<Insight> all() {
        return insights.values().stream()
                .sorted(Comparator.comparing(Insight::updated, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Insight::id))
                .toList();
    }

    public Optional<Insight> find(String id) {
        return insights.find(id);
    }

    /** Stores a new insight; {@link JsonCollection.ChangedMeanwhile} (409) when its id is taken. */
    public Insight create(Insight insight) {
        checkId(insight.id());
        return insights.create(insight.id(), insight);
    }

    /**
     * Changes the insight {@code id} as {@code change} says, made again to the new state when another instance changed
     * it meanwhile ({@code change} must only compute); 404 when there is no such insight.
     */
    public Insight update(String id, UnaryOperator<Insight> change) {
        checkId(id);
        return insights.update(id, change).orElseThrow(() -> LararenaException.notFound("no insight with that id"));
    }

    /** @return whether there was such an insight */
    public boolean delete(String id) {
        return ID.matcher(id).matches() && insights.find(id).isPresent() && insights.delete(id);
    }

    /**
     * Takes the quotes {@code erased} accepts out of every stored insight and adds {@code note} to its text in their
     * place, so a reader sees that a quote was erased rather than an argument that lost its support without a word.
     *
     * @return the ids of the insights changed
     */
    public List<String> eraseQuotes(Predicate<String> erased, String note, Instant at) {
        List<String> changed = new ArrayList<>();
        for (Insight stored : insights.values()) {
            if (stored.passages().stream().noneMatch(erased)) {
                continue;
            }
            update(stored.id(), insight -> {
                List<String> kept = insight.passages().stream().filter(erased.negate()).toList();
                if (kept.size() == insight.passages().size()) {
                    return insight; // erased meanwhile by another instance
                }
                String text = insight.text().isBlank() ? note : insight.text() + "\n\n" + note;
                return new Insight(insight.id(), insight.title(), text, insight.themes(), kept, insight.status(), insight.createdBy(),
                        insight.created(), at, false);
            });
            changed.add(stored.id());
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
}
