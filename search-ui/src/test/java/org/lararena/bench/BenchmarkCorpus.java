package org.lararena.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.search.CurrentMappingOnly;

/**
 * A large passage index for the benchmark: passages shaped as the pipeline writes them (see the ingest module's
 * {@code IndexingVerticle}), with text recombined from the sentences of the shared corpus (read in place, never
 * copied) and of the project's own demo documents, some of it folded as OCR without å, ä and ö; mixed visibility,
 * pilots, types, years, speakers, and concepts of the ontology with all their broader concepts. Deterministic
 * (fixed seed), so runs compare.
 */
public final class BenchmarkCorpus {

    public static final List<String> PILOTS = List.of("Värmland", "Örebro", "Västernorrland", "Nationellt");
    public static final List<String> TYPES = List.of("rapport", "intervju", "presentation", "motesanteckningar", "workshop");
    private static final int PASSAGES_PER_DOCUMENT = 40;
    /** Passages written in one batch through the indexer. */
    private static final int BULK_SIZE = 2000;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n");

    private final ElasticsearchClient client;
    private final PassageIndex index;
    private final List<Concept> themeConcepts;
    private final Ontology ontology;

    BenchmarkCorpus(ElasticsearchClient client, PassageIndex index, Ontology ontology) {
        this.client = client;
        this.index = index;
        this.ontology = ontology;
        this.themeConcepts = ontology.concepts().stream().filter(c -> ontology.topTheme(c.iri()).isPresent())
                .sorted((a, b) -> a.iri().compareTo(b.iri())).toList();
    }

    /** Indexes {@code passages} generated passages unless the index already holds as many; returns how many it holds. */
    long ensureIndexed(int passages) throws IOException {
        index.ensureExists(CurrentMappingOnly.FACETS);
        long present = client.count(c -> c.index(index.alias())).count();
        if (present >= passages) {
            System.out.printf("Reusing %s with %d passages%n", index.alias(), present);
            return present;
        }
        List<String> sentences = sentences();
        Random random = new Random(20261128);
        long start = System.nanoTime();
        // Through the indexer, as the pipeline writes them: each passage gets what indexing adds (its document's words,
        // its near-duplicate group), so a search here costs what it costs on the platform's own index.
        PassageIndexer indexer = new PassageIndexer(client, index);
        Map<String, List<JsonObject>> batch = new LinkedHashMap<>();
        for (int document = 0; document * PASSAGES_PER_DOCUMENT < passages; document++) {
            batch.put("bench-" + document, document(document, sentences, random));
            if (batch.size() * PASSAGES_PER_DOCUMENT >= BULK_SIZE) {
                write(indexer, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(indexer, batch);
        }
        client.indices().refresh(r -> r.index(index.alias()));
        long count = client.count(c -> c.index(index.alias())).count();
        System.out.printf("Indexed %d passages into %s in %.0f s%n", count, index.alias(), (System.nanoTime() - start) / 1e9);
        return count;
    }

    private static void write(PassageIndexer indexer, Map<String, List<JsonObject>> documents) {
        indexer.replaceDocuments(documents).forEach((documentId, outcome) -> {
            if (outcome.status() != IndexingOutcome.INDEXED) {
                throw new IllegalStateException("indexing " + documentId + " failed: " + outcome.reason());
            }
        });
    }

    private List<JsonObject> document(int number, List<String> sentences, Random random) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String pilot = PILOTS.get(random.nextInt(PILOTS.size()));
        int year = 2019 + random.nextInt(7);
        String date = String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        // Interviews are confidential; the rest is split between the pilots and everyone.
        String visibility = type.equals("intervju") ? "restricted" : random.nextInt(3) == 0 ? "pilot" : "public";
        boolean ocr = random.nextInt(10) == 0;
        String documentId = "bench-" + number;
        String title = type + " " + pilot + " " + year + " nr " + number;
        List<JsonObject> passages = new ArrayList<>();
        int offset = 0;
        for (int ordinal = 0; ordinal < PASSAGES_PER_DOCUMENT; ordinal++) {
            StringBuilder text = new StringBuilder();
            int from = random.nextInt(sentences.size());
            for (int s = 0, length = 1 + random.nextInt(4); s < length; s++) {
                text.append(text.isEmpty() ? "" : " ").append(sentences.get((from + s) % sentences.size()));
            }
            String passageText = ocr ? fold(text.toString()) : text.toString();
            String speaker = type.equals("intervju") ? (ordinal % 2 == 0 ? "Intervjuare" : "Respondent " + number) : null;
            JsonArray concepts = new JsonArray();
            Set<String> themes = new LinkedHashSet<>();
            for (int c = random.nextInt(4); c > 0; c--) {
                Concept concept = themeConcepts.get(random.nextInt(themeConcepts.size()));
                concepts.add(concept.iri());
                themes.addAll(ontology.broaderClosure(concept.iri()));
            }
            passages.add(new JsonObject()
                    .put("passageId", PassageIndexer.passageId(documentId, ordinal))
                    .put("documentId", documentId)
                    .put("title", title)
                    .put("ordinal", ordinal)
                    .put("page", 1 + ordinal / 8)
                    .put("speaker", speaker)
                    .put("speakerPseudonym", speaker == null ? null : ordinal % 2 == 0 ? "Intervjuare" : "Respondent 1")
                    .put("speakerRole", speaker == null ? null : ordinal % 2 == 0 ? "intervjuare" : "respondent")
                    .put("text", passageText)
                    .put("start", offset)
                    .put("end", offset + passageText.length())
                    .put("type", type)
                    .put("pilot", pilot)
                    .put("date", date)
                    .put("year", year)
                    .put("visibility", visibility)
                    .put("concepts", concepts)
                    .put("themes", new JsonArray(List.copyOf(themes))));
            offset += passageText.length() + 2;
        }
        return passages;
    }

    /** Sentences of the shared corpus (when present) and of the demo documents, whitespace tidied. */
    public static List<String> sentences() throws IOException {
        List<Path> files = new ArrayList<>();
        Path corpus = projectDirectory().resolve("../shared/corpus").normalize();
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> found = Files.walk(corpus)) {
                found.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        } else {
            System.out.println("The shared corpus " + corpus + " is absent: the passages are made from the demo documents alone");
        }
        try (Stream<Path> demo = Files.list(projectDirectory().resolve("search-ui/src/main/resources/demo/documents"))) {
            demo.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> sentences = new ArrayList<>();
        for (Path file : files) {
            for (String sentence : SENTENCE_END.split(Files.readString(file, StandardCharsets.UTF_8))) {
                String tidy = sentence.replaceAll("\\s+", " ").strip();
                if (tidy.length() >= 30 && tidy.length() <= 500) {
                    sentences.add(tidy);
                }
            }
        }
        if (sentences.size() < 100) {
            throw new UncheckedIOException(new IOException("too few sentences to build a corpus from: " + files));
        }
        return sentences;
    }

    /** The text as OCR without diacritics leaves it. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Surefire's {@code lararena.project.dir} (set by the build, as for every test), else the parent of the module. */
    private static Path projectDirectory() {
        return Path.of(System.getProperty("lararena.project.dir", "..")).toAbsolutePath();
    }
}
