package org.lararena.ontology.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lararena.ontology.OntologyException;
import org.lararena.ontology.Suggestion;

/**
 * The confidence the dictionary's suggestions are shown with before researchers' decisions have taught a model: the
 * share of such suggestions that were right on the project's labelled passages, by where they stand (the classes of
 * {@link ContextPrecision}: the strength of the label, other evidence for its theme, a passing mention, a compound, the
 * speaker label). The dictionary's own score weighs labels, not how often they are right: on passages written blind
 * from the codebook what it scored 0.9 or more was right three times in four, and a passing mention a third of the
 * time. A model in service calibrates its own suggestions on its team's decisions instead.
 *
 * <p>The counts are in {@value #RESOURCE}, with the module's other resources; {@code StartingConfidenceTest} counts them
 * again from the labelled sets and fails when they differ (it says how to write them anew). The estimate is a {@link
 * BinaryMaxent} over them, as a model's context precision is, so a class seen seldom leans on the classes it shares
 * features with. Immutable.
 */
public final class StartingConfidence {

    static final String RESOURCE = "starting-confidence.tsv";

    private final Map<String, Counts> counts;
    private final BinaryMaxent model;

    /** How many of the dictionary's suggestions of one class were right and how many wrong. */
    public record Counts(int right, int wrong) {

        public Counts {
            if (right < 0 || wrong < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + right + ", " + wrong);
            }
        }

        /** One suggestion, right or wrong. */
        public static Counts one(boolean isRight) {
            return isRight ? new Counts(1, 0) : new Counts(0, 1);
        }

        public Counts plus(Counts other) {
            return new Counts(right + other.right, wrong + other.wrong);
        }

    }

    private StartingConfidence(Map<String, Counts> counts) {
        this.counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        List<BinaryMaxent.Example> examples = new ArrayList<>();
        this.counts.forEach((context, c) -> {
            String[] features = context.split(" ");
            for (int i = 0; i < c.right(); i++) {
                examples.add(new BinaryMaxent.Example(features, true));
            }
            for (int i = 0; i < c.wrong(); i++) {
                examples.add(new BinaryMaxent.Example(features, false));
            }
        });
        boolean both = this.counts.values().stream().anyMatch(c -> c.right() > 0) && this.counts.values().stream().anyMatch(c -> c.wrong() > 0);
        this.model = both ? BinaryMaxent.train(examples) : null;
    }

    /** The counts shipped with the ontology, read and fitted once (when {@link SuggesterModel#DICTIONARY_ONLY} is made). */
    public static StartingConfidence shipped() {
        return Shipped.INSTANCE;
    }

    /** Fitted on {@code counts} (by {@link #contextOf}); without right and wrong suggestions both, the scores stay. */
    public static StartingConfidence of(Map<String, Counts> counts) {
        return new StartingConfidence(Objects.requireNonNull(counts));
    }

    /** The class of one of the dictionary's {@code passageSuggestions} for {@code text}, as the counts name it. */
    public static String contextOf(String text, Suggestion suggestion, List<Suggestion> passageSuggestions) {
        return String.join(" ", new TreeSet<>(List.of(ContextPrecision.features(text, suggestion, passageSuggestions))));
    }

    public Map<String, Counts> counts() {
        return counts;
    }

    /**
     * The dictionary's suggestions for {@code text}, its own scores, each with the share of right suggestions of its
     * class as its confidence; none is dropped, so what the dictionary suggests is unchanged.
     */
    public List<Suggestion> shown(String text, List<Suggestion> dictionary) {
        if (model == null) {
            return dictionary;
        }
        return dictionary.stream()
                .map(s -> SuggesterModel.withConfidence(s, model.probability(ContextPrecision.features(text, s, dictionary))))
                .toList();
    }

    /** The counts as {@value #RESOURCE} holds them: a class, its right and its wrong suggestions, tab-separated. */
    public String toTable() {
        StringBuilder table = new StringBuilder();
        table.append("# The dictionary's suggestions on the project's labelled passages (ontology/src/test/resources/eval), right when\n")
                .append("# their top theme is one of the passage's, by where they stand (StartingConfidence). Counted by\n")
                .append("# StartingConfidenceTest, which writes this file anew when asked (see its comment); not edited by hand.\n")
                .append("# class\tright\twrong\n");
        counts.forEach((context, c) -> table.append(String.format(Locale.ROOT, "%s\t%d\t%d%n", context, c.right(), c.wrong())));
        return table.toString();
    }

    static Map<String, Counts> readTable(InputStream in) throws IOException {
        Map<String, Counts> counts = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3 || !fields[1].matches("\\d+") || !fields[2].matches("\\d+")) {
                    throw OntologyException.invalidOntology(RESOURCE + ": a line must hold a class, its right and its wrong suggestions: " + line, null);
                }
                counts.put(fields[0], new Counts(Integer.parseInt(fields[1]), Integer.parseInt(fields[2])));
            }
        }
        return counts;
    }

    /** Read and fitted once for the whole JVM. */
    private static final class Shipped {
        static final StartingConfidence INSTANCE = load();

        private static StartingConfidence load() {
            try (InputStream in = StartingConfidence.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw OntologyException.invalidOntology("the starting confidences " + RESOURCE + " are missing from the ontology module", null);
                }
                return new StartingConfidence(readTable(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
