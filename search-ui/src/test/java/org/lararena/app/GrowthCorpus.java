package org.lararena.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.lararena.bench.BenchmarkCorpus;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.pipeline.DocumentAnnotation;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.rdf.StoreCompaction;
import org.lararena.ontology.store.rdf.StoreTransactions;

/**
 * The growth benchmarks' corpus ({@link CorpusGrowthBenchmark}, {@link NodeCacheBenchmark}): generated documents,
 * passages of recombined sentences, mixed types, pilots, dates and visibility; deterministic (a fixed seed), so runs
 * compare. Each document's text is unique, so none is taken for a duplicate.
 */
final class GrowthCorpus {

    private final List<String> sentences;
    private final Ontology ontology;
    private final Random random = new Random(20261203);
    private static final int PASSAGES_PER_COMMIT = 2000;
    /** Growth before the generator compacts: above the application's 1 GB (LARARENA_JENA_COMPACT_GROWTH_MB), for fewer, larger copies. */
    private static final long COMPACT_AFTER_BYTES = 4L << 30;

    private int documents;
    private long passages;

    GrowthCorpus(List<String> sentences, Ontology ontology) {
        this.sentences = sentences;
        this.ontology = ontology;
    }

    record Filled(int added, double seconds, String firstId) {
    }

    long passages() {
        return passages;
    }

    void uploaded(long count) {
        passages += count;
    }

    /**
     * Adds documents until the data directory holds {@code target} passages, each left as the pipeline leaves an
     * indexed document (its index entries aside: the reindex writes them). The
     * annotations are those an annotation run writes, but committed {@value #PASSAGES_PER_COMMIT} passages at a time
     * (the run's transactions joined), so that a large corpus is made in minutes on a loaded machine.
     */
    Filled fill(Path dataDir, int target, int perDocument, Path scratch) {
        long started = System.nanoTime();
        DocumentStore store = new DocumentStore(dataDir.resolve("documents"));
        Dataset dataset = TDB2Factory.connectDataset(dataDir.resolve("jena").toString());
        DocumentAnnotation annotation = new DocumentAnnotation(Wiring.annotationStore(StoreTransactions.local(dataset), Optional.empty(), () -> 0), ontology,
                new PassageAnnotator(ontology), 100, Duration.ofMillis(100));
        long before = passages;
        List<String> ids = new ArrayList<>();
        // As the application does, the store is compacted once commits have grown its files: a million passages
        // would otherwise leave tens of gigabytes of copied index pages behind.
        StoreCompaction compaction = new StoreCompaction(dataset, dataDir.resolve("jena"), 0);
        while (passages < target) {
            dataset.executeWrite(() -> {
                for (long commit = passages + PASSAGES_PER_COMMIT; passages < Math.min(target, commit); ) {
                    ids.add(addDocument(store, annotation, perDocument, scratch));
                }
            });
            // Not compactIfGrown: the generator writes without a quiet moment, and compacts as soon as it has grown.
            if (compaction.grownSinceLast() > COMPACT_AFTER_BYTES) {
                compaction.compact();
            }
        }
        return new Filled((int) (passages - before), (System.nanoTime() - started) / 1e9, ids.isEmpty() ? null : ids.get(0));
    }

    /** One generated document, stored, its passages kept and annotated, its record marked indexed; returns its id. */
    private String addDocument(DocumentStore store, DocumentAnnotation annotation, int perDocument, Path scratch) {
        List<String> paragraphs = paragraphs(perDocument);
        String text = String.join("\n\n", paragraphs);
        Path file;
        try {
            file = Files.writeString(scratch.resolve("generated.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = BenchmarkCorpus.TYPES.get(random.nextInt(BenchmarkCorpus.TYPES.size()));
        boolean interview = type.equals("intervju");
        var record = store.store(file, "dokument-" + documents + ".txt", new DocumentStore.UploadFields(type + " " + documents, type,
                BenchmarkCorpus.PILOTS.get(random.nextInt(BenchmarkCorpus.PILOTS.size())),
                String.format("%d-%02d-%02d", 2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                interview ? Visibility.RESTRICTED : random.nextInt(3) == 0 ? Visibility.PILOT : Visibility.PUBLIC), "forskare");
        JsonArray kept = new JsonArray();
        int offset = 0;
        for (int ordinal = 0; ordinal < paragraphs.size(); ordinal++) {
            String passage = paragraphs.get(ordinal);
            kept.add(new JsonObject().put("ordinal", ordinal).put("page", 1 + ordinal / 8)
                    .put("speaker", interview ? (ordinal % 2 == 0 ? "Intervjuare" : "Respondent") : null)
                    .put("text", passage).put("start", offset).put("end", offset + passage.length()));
            offset += passage.length() + 2;
        }
        store.savePassages(record.id(), new DocumentExtracted(record.id(), kept).toJson().put("text", text).put("extractedText", text));
        annotation.annotate(record.id(), kept);
        store.update(record.id(), current -> current.withPassages(kept.size()).withStatus(DocumentStatus.INDEXED, null));
        passages += kept.size();
        return record.id();
    }

    /** {@code count} new documents of {@code perDocument} paragraphs each, as text files to upload. */
    List<RunningApplication.Upload> uploads(int count, int perDocument) {
        List<RunningApplication.Upload> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uploads.add(new RunningApplication.Upload("uppladdat-" + documents + ".txt", "text/plain; charset=utf-8",
                    String.join("\n\n", paragraphs(perDocument)).getBytes(StandardCharsets.UTF_8)));
        }
        return uploads;
    }

    /** How many annotations the store holds (read with the application stopped). */
    long annotations(Path dataDir) {
        Dataset dataset = TDB2Factory.connectDataset(dataDir.resolve("jena").toString());
        return dataset.calculateRead(() -> {
            return Iter.count(dataset.asDatasetGraph().find(Node.ANY, Node.ANY, RDF.type.asNode(),
                    NodeFactory.createURI("http://www.w3.org/ns/oa#Annotation")));
        });
    }

    /** One document's paragraphs: one to four sentences each, the first naming the document so its text is its own. */
    private List<String> paragraphs(int count) {
        int number = documents++;
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            StringBuilder paragraph = new StringBuilder(p == 0 ? "Dokument " + number + ". " : "");
            int from = random.nextInt(sentences.size());
            for (int s = 0, length = 1 + random.nextInt(4); s < length; s++) {
                paragraph.append(s == 0 ? "" : " ").append(sentences.get((from + s) % sentences.size()));
            }
            paragraphs.add(paragraph.toString());
        }
        return paragraphs;
    }
}
