package org.lararena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.agreement.AgreementReport;
import org.lararena.ontology.agreement.AgreementStudy;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.web.RequestWork;
import org.lararena.teamcoding.AgreementEndpoint;

/**
 * Agreement over 10,000 passages (100 documents of 100 passages) and 5 coders (four researchers and the annotator),
 * through the code {@code /api/agreement} runs ({@link AgreementEndpoint#compute}: passages from the document store,
 * each coder's layer from the TDB2 annotation store, {@link AgreementStudy} over DKPro Agreement), against DKPro
 * Agreement alone on the same reliability data (already in memory): Krippendorff's alpha, percentage agreement and
 * Cohen's kappa per pair for every category and alpha and percentage agreement over all pooled, and, timed apart, DKPro's own unitizing alpha over the same spans (the
 * project computes it with {@code UnitizingAlpha}, DKPro's measure with its expected disagreement summed in n log n).
 * By concept and by theme, interleaved, three rounds after a warm-up. A benchmark, not a test: {@code ./mvnw -B -Pbench
 * -pl search-ui -am verify -DskipITs -Dtest=AgreementBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AgreementBenchmark {

    private static final int DOCUMENTS = 100;
    private static final int PASSAGES_PER_DOCUMENT = 100;
    private static final int CONCEPTS = 30;
    private static final int ROUNDS = 3;
    private static final List<String> RESEARCHERS = List.of("forskare", "forskare2", "forskare3", "forskare4");
    private static final List<String> CODERS = List.of("forskare", "forskare2", "forskare3", "forskare4", AnnotationIris.ANNOTATOR_CODER);
    private static final String[] WORDS = {"vi", "har", "patienten", "kommunen", "hemtjänsten", "möten", "varje", "vecka", "läkaren",
        "telefon", "väntar", "distriktssköterskan", "ringer", "tryggt", "besök", "regionen", "samma", "personal", "och", "i"};

    @TempDir
    Path dir;

    @Test
    void agreementOverTenThousandPassagesAndFiveCoders() {
        Ontology ontology = OntologyLoader.fromClasspath();
        List<Concept> concepts = ontology.concepts(LAR.Teman.getURI()).stream().filter(c -> !c.isTop()).limit(CONCEPTS).toList();
        Dataset dataset = TDB2Factory.connectDataset(dir.resolve("tdb").toString());
        RdfAnnotationStore store = new RdfAnnotationStore(dataset);
        DocumentStore documents = new DocumentStore(dir.resolve("documents"));
        Vertx vertx = Vertx.vertx();
        try {
            long setup = System.nanoTime();
            List<DocumentRecord> records = corpus(ontology, concepts, documents, store);
            System.out.printf("setup: %d documents, %d passages, %d annotations, 5 coders in %.1f s%n", records.size(),
                    DOCUMENTS * PASSAGES_PER_DOCUMENT, records.stream().mapToInt(r -> store.annotationsOf(r.id()).size()).sum(),
                    (System.nanoTime() - setup) / 1e9);
            AgreementEndpoint endpoint = new AgreementEndpoint(new RequestWork(vertx, 1, Duration.ofSeconds(1)), documents, store, ontology);
            Map<String, Function<String, Set<String>>> levels = new TreeMap<>(Map.of(
                    "concept", Set::of,
                    "theme", iri -> ontology.broaderClosure(iri).stream().filter(t -> ontology.concept(t).map(Concept::isTop).orElse(false))
                            .collect(Collectors.toSet())));
            Map<String, DkproData> data = new HashMap<>();
            levels.forEach((level, categoriesOf) -> data.put(level, DkproData.of(records, documents, store, categoriesOf)));

            for (int round = 0; round <= ROUNDS; round++) {
                StringBuilder line = new StringBuilder(round == 0 ? "warm-up" : "round " + round);
                for (String level : levels.keySet()) {
                    long t0 = System.nanoTime();
                    AgreementEndpoint.ReliabilityData read = endpoint.read(records, CODERS);
                    long t1 = System.nanoTime();
                    AgreementReport report = endpoint.report(read, CODERS, level);
                    long t2 = System.nanoTime();
                    int figures = data.get(level).codingMeasures();
                    long t3 = System.nanoTime();
                    int largest = data.get(level).unitizingAlpha();
                    long t4 = System.nanoTime();
                    assertThat(report.units()).isEqualTo(DOCUMENTS * PASSAGES_PER_DOCUMENT);
                    assertThat(figures).isPositive();
                    long alphaU = report.categories().stream().filter(c -> c.alphaU().value() != null).count();
                    line.append(String.format(Locale.ROOT, "%n  %-7s %2d categories, alphaU for %2d (up to %,d spans): /api/agreement %6.2f s"
                                    + " (reading the layers %5.2f s, statistics %5.2f s) | DKPro alone: alpha, percent, kappa, overall %5.2f s (×%.2f),"
                                    + " its unitizing alpha %6.2f s", level, report.categories().size(), alphaU, largest, (t2 - t0) / 1e9,
                            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (double) (t2 - t0) / (t3 - t2), (t4 - t3) / 1e9));
                }
                System.out.println(line);
            }
        } finally {
            vertx.close();
            dataset.close();
        }
    }

    /**
     * 100 documents of 100 passages; about one passage in four has one or two suggestions of the annotator; each
     * researcher accepts a suggestion the team would keep (seven in ten) and rejects the rest, each disagreeing with the
     * team one time in eight; each researcher tags a passage of their own in about a quarter of the documents. Every
     * researcher marks every document done.
     */
    private static List<DocumentRecord> corpus(Ontology ontology, List<Concept> concepts, DocumentStore documents, AnnotationStore store) {
        Random random = new Random(42);
        List<DocumentRecord> records = new ArrayList<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            String id = "agreement" + d;
            DocumentRecord record = new DocumentRecord(id, id + ".txt", id, "intervju", "Värmland", null, Visibility.RESTRICTED,
                    "0".repeat(64), 1, "forskare", Instant.now(), DocumentStatus.INDEXED, null, null, PASSAGES_PER_DOCUMENT, "sv");
            documents.create(record);
            records.add(record);
            JsonArray passages = new JsonArray();
            List<AnnotationStore.PassageSuggestions> suggested = new ArrayList<>();
            List<PassageText> texts = new ArrayList<>();
            for (int p = 0; p < PASSAGES_PER_DOCUMENT; p++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < 300) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                PassageText passage = new PassageText(id + "-" + p, text.toString().strip());
                texts.add(passage);
                passages.add(new JsonObject().put("ordinal", p).put("text", passage.text()));
                List<Suggestion> suggestions = new ArrayList<>();
                if (random.nextInt(4) == 0) {
                    for (int s = 0; s <= random.nextInt(2); s++) {
                        Concept concept = concepts.get(random.nextInt(concepts.size()));
                        int start = random.nextInt(150);
                        int end = start + 10 + random.nextInt(120);
                        suggestions.add(new Suggestion(concept.iri(), ontology.topTheme(concept.iri()).map(Concept::iri).orElse(concept.iri()),
                                start, end, passage.text().substring(start, end), concept.labelSv(), 0.8));
                    }
                }
                suggested.add(new AnnotationStore.PassageSuggestions(passage, suggestions));
            }
            documents.savePassages(id, new JsonObject().put("passages", passages));
            List<StoredAnnotation> annotations = store.storeAutomatic(id, ontology.version(), suggested);
            Map<String, Map<ReviewState, List<String>>> decisions = new HashMap<>();
            for (StoredAnnotation annotation : annotations) {
                boolean kept = random.nextInt(10) < 7;
                for (String researcher : RESEARCHERS) {
                    boolean accepts = random.nextInt(8) == 0 ? !kept : kept;
                    decisions.computeIfAbsent(researcher, k -> new HashMap<>())
                            .computeIfAbsent(accepts ? ReviewState.ACCEPTED : ReviewState.REJECTED, k -> new ArrayList<>()).add(annotation.id());
                }
            }
            decisions.forEach((researcher, byState) -> byState.forEach((state, ids) -> store.review(id, ids, state, researcher)));
            for (String researcher : RESEARCHERS) {
                if (random.nextInt(4) == 0) {
                    PassageText passage = texts.get(random.nextInt(texts.size()));
                    store.addManual(id, passage, 20, 80, concepts.get(random.nextInt(concepts.size())).iri(), ontology.version(), researcher);
                }
                store.setCodingStatus(id, researcher, CodingStatus.State.DONE);
            }
        }
        return records;
    }

    /**
     * The reliability data of every category, read once from the same layers, for DKPro alone: per category one row
     * of the five coders' values per passage, and each coder's spans on the continuum of all passages.
     */
    private record DkproData(Map<String, List<Object[]>> rows, Map<String, List<long[]>> spans, long length) {

        static DkproData of(List<DocumentRecord> records, DocumentStore documents, AnnotationStore store,
                            Function<String, Set<String>> categoriesOf) {
            Map<String, Set<String>> applied = new HashMap<>();
            // category → "coder passage" → that coder's spans in the passage (joined below, as the project does)
            Map<String, Map<String, List<int[]>>> inPassage = new HashMap<>();
            Map<String, Long> offsets = new HashMap<>();
            List<String> passages = new ArrayList<>();
            long length = 0;
            for (DocumentRecord record : records) {
                JsonArray texts = documents.passages(record.id()).orElseThrow().getJsonArray("passages");
                for (int p = 0; p < texts.size(); p++) {
                    String passage = record.id() + "-" + texts.getJsonObject(p).getInteger("ordinal");
                    passages.add(passage);
                    offsets.put(passage, length);
                    length += texts.getJsonObject(p).getString("text").length();
                }
                List<StoredAnnotation> all = store.annotationsOf(record.id());
                var decisions = store.decisions(record.id());
                for (int c = 0; c < CODERS.size(); c++) {
                    String coder = CODERS.get(c);
                    for (StoredAnnotation a : CoderView.of(all, decisions, coder)) {
                        if (CoderView.applied(a, coder)) {
                            for (String category : categoriesOf.apply(a.conceptIri())) {
                                applied.computeIfAbsent(category, k -> new HashSet<>()).add(c + " " + a.passageId());
                                inPassage.computeIfAbsent(category, k -> new HashMap<>()).computeIfAbsent(c + " " + a.passageId(), k -> new ArrayList<>())
                                        .add(new int[] {a.start(), a.end()});
                            }
                        }
                    }
                }
            }
            Map<String, List<long[]>> spans = new HashMap<>();
            inPassage.forEach((category, byCoderAndPassage) -> byCoderAndPassage.forEach((key, ofPassage) -> {
                int coder = Integer.parseInt(key.substring(0, key.indexOf(' ')));
                long offset = offsets.get(key.substring(key.indexOf(' ') + 1));
                AgreementStudy.joined(ofPassage).forEach(span -> spans.computeIfAbsent(category, k -> new ArrayList<>())
                        .add(new long[] {coder, offset + span[0], offset + span[1]}));
            }));
            Map<String, List<Object[]>> rows = new HashMap<>();
            applied.forEach((category, pairs) -> {
                List<Object[]> table = new ArrayList<>();
                for (String passage : passages) {
                    Object[] row = new Object[CODERS.size()];
                    for (int c = 0; c < CODERS.size(); c++) {
                        row[c] = pairs.contains(c + " " + passage) ? 1 : 0;
                    }
                    table.add(row);
                }
                rows.put(category, table);
            });
            return new DkproData(rows, spans, length);
        }

        /**
         * Alpha, percentage agreement and kappa per pair for every category, and alpha and percentage agreement over
         * them all pooled, by DKPro alone; answers how many it computed.
         */
        int codingMeasures() {
            int figures = 0;
            CodingAnnotationStudy pooled = new CodingAnnotationStudy(CODERS.size());
            for (List<Object[]> ofCategory : rows.values()) {
                CodingAnnotationStudy study = new CodingAnnotationStudy(CODERS.size());
                ofCategory.forEach(study::addItemAsArray);
                ofCategory.forEach(pooled::addItemAsArray);
                figures += figure(() -> new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement());
                figures += figure(() -> new PercentageAgreement(study).calculateAgreement());
                for (int a = 0; a < CODERS.size(); a++) {
                    for (int b = a + 1; b < CODERS.size(); b++) {
                        CodingAnnotationStudy pair = new CodingAnnotationStudy(2);
                        for (Object[] row : ofCategory) {
                            pair.addItem(row[a], row[b]);
                        }
                        figures += figure(() -> new CohenKappaAgreement(pair).calculateAgreement());
                    }
                }
            }
            figures += figure(() -> new KrippendorffAlphaAgreement(pooled, new NominalDistanceFunction()).calculateAgreement());
            figures += figure(() -> new PercentageAgreement(pooled).calculateAgreement());
            return figures;
        }

        /** DKPro's own unitizing alpha for every category; answers the largest number of spans in one. */
        int unitizingAlpha() {
            int largest = 0;
            for (Map.Entry<String, List<long[]>> category : spans.entrySet()) {
                UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(CODERS.size(), 0, length);
                category.getValue().forEach(s -> study.addUnit(s[1], s[2] - s[1], (int) s[0], category.getKey()));
                new KrippendorffAlphaUnitizingAgreement(study).calculateCategoryAgreement(category.getKey());
                largest = Math.max(largest, category.getValue().size());
            }
            return largest;
        }

        private static int figure(DoubleSupplier measure) {
            try {
                return Double.isNaN(measure.getAsDouble()) ? 0 : 1;
            } catch (InsufficientDataException e) {
                return 0;
            }
        }
    }
}
