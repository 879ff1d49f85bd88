package org.lararena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.app.ClusterMembers;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.FileCollection;
import org.lararena.web.Jobs;

/**
 * A REFI-QDA project of 100,000 codings ({@code -Dbench.codings=N}) imported through the path {@code POST
 * /api/import/qdpx} takes ({@link RefiQdaImports#run} with {@link ImportFormat#QDPX}, with the application's default limits: the file unpacked
 * and parsed, its codes mapped by label, the plan, and the writes as a job in transactions of {@link
 * AnnotationStore#MANUAL_BATCH} tags), timed from the file on disk until the job is done, against the same codings
 * written straight into an annotation store ({@link AnnotationStore#addManual(String, List, String)} in batches of the
 * same size). Both sides write TDB2 on disk, each round into fresh stores, interleaved after a warm-up at a tenth of
 * the size ({@code -Dbench.rounds=N}, default 2). The HTTP upload and the annotation and indexing that follow an import
 * are left out. A benchmark, not a test: {@code ./mvnw -B -Pbench -pl search-ui -am verify -DskipITs
 * -Dtest=QdpxImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class QdpxImportBenchmark {

    private static final int CODINGS = Integer.getInteger("bench.codings", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int PASSAGES_PER_SOURCE = 50;
    private static final int CODINGS_PER_PASSAGE = 10;
    private static final List<String> CODERS = List.of("forskare", "forskare2", "forskare3");
    private static final String[] WORDS = {"vi", "har", "patienten", "kommunen", "hemtjänsten", "möten", "varje", "vecka", "läkaren",
        "telefon", "väntar", "distriktssköterskan", "ringer", "tryggt", "besök", "regionen", "samma", "personal", "och", "i"};

    @TempDir
    Path dir;

    /** One coding of the generated project: a span of a passage of a source, by a coder, with a top theme. */
    private record Coding(int source, int passage, int start, int end, Concept theme, String coder) {}

    /** The generated project: each source's passages and all codings. */
    private record Project(List<SourceText> sources, List<Coding> codings) {}

    @Test
    void importingAHundredThousandCodings() throws Exception {
        Ontology shipped = OntologyLoader.fromClasspath();
        LararenaConfig.Exchange limits = LararenaConfig.fromMap(Map.of()).exchange();
        Vertx vertx = Vertx.vertx();
        try {
            for (int round = 0; round <= ROUNDS; round++) {
                int codings = round == 0 ? CODINGS / 10 : CODINGS;
                Project project = project(shipped, codings, new Random(round));
                Path file = write(project, dir.resolve("project-" + round + ".qdpx"));
                // Interleaved: which side goes first alternates, so neither always meets a warmer or a busier machine.
                double imported = 0;
                double direct = 0;
                for (int side = 0; side < 2; side++) {
                    if ((side + round) % 2 == 0) {
                        imported = importThroughRefiQda(vertx, shipped, limits, file, dir.resolve("import-" + round), codings);
                    } else {
                        direct = addManualDirectly(project, dir.resolve("direct-" + round));
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %,d codings in %d sources (%.1f MB QDPX): import %.1f s (%,.0f codings/s) | addManual alone"
                                + " %.1f s (%,.0f codings/s) | ×%.2f%n", round == 0 ? "warm-up" : "round " + round, codings,
                        project.sources().size(), Files.size(file) / 1e6, imported, codings / imported, direct, codings / direct, imported / direct);
            }
        } finally {
            vertx.close();
        }
    }

    /** Seconds from the file on disk until the import's job is done, in a fresh instance whose TDB2 is on disk. */
    private static double importThroughRefiQda(Vertx vertx, Ontology shipped, LararenaConfig.Exchange limits, Path file, Path instance,
                                               int codings) throws Exception {
        Dataset dataset = TDB2Factory.connectDataset(instance.resolve("jena").toString());
        try {
            QdpxExchangeTest.Stores stores = QdpxExchangeTest.Stores.in(instance, shipped, dataset);
            ClusterMembers alone = ClusterMembers.of(vertx);
            Jobs jobs = new Jobs(vertx, Clock.systemUTC(), alone.instanceId(), alone::now);
            RefiQdaImports imports = new RefiQdaImports(vertx, stores.documents(), stores.annotations(), stores.memos(), stores.codebook(),
                    new AuditLog(new FileCollection(instance.resolve("audit"), "the audit entry", true)), jobs, limits, 10_000, instance.resolve("exchange"));
            long started = System.nanoTime();
            RefiQdaImports.Outcome outcome = imports.run(ImportFormat.QDPX, "forskare", file, file.getFileName().toString(), Map.of(), false);
            JsonObject summary = outcome.status() == 202 ? awaitJob(jobs, outcome.answer().getString("id")) : outcome.answer();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(summary.getInteger("codings")).as(summary.encode()).isEqualTo(codings);
            return seconds;
        } finally {
            dataset.close();
        }
    }

    /** The job's result once it is done (the benchmark's own wait: it looks every 20 ms, a trifle beside the import). */
    private static JsonObject awaitJob(Jobs jobs, String id) throws InterruptedException {
        while (true) {
            Jobs.Job job = jobs.find(id).orElseThrow();
            if (job.state() == Jobs.State.DONE) {
                return job.result();
            }
            if (job.state() == Jobs.State.FAILED) {
                throw new AssertionError("the import failed: " + job.toJson().encode());
            }
            Thread.sleep(20);
        }
    }

    /** Seconds to write the same codings straight into a fresh annotation store on disk, per source and batch as the import does. */
    private static double addManualDirectly(Project project, Path instance) {
        Dataset dataset = TDB2Factory.connectDataset(instance.resolve("jena").toString());
        try {
            RdfAnnotationStore store = new RdfAnnotationStore(dataset);
            long started = System.nanoTime();
            List<AnnotationStore.ManualTag> batch = new ArrayList<>();
            int source = -1;
            for (Coding coding : project.codings()) {
                if (coding.source() != source && !batch.isEmpty() || batch.size() >= AnnotationStore.MANUAL_BATCH) {
                    store.addManual("direct" + source, batch, "bench");
                    batch.clear();
                }
                source = coding.source();
                SourceText.Span passage = project.sources().get(source).passages().get(coding.passage());
                batch.add(new AnnotationStore.ManualTag(new PassageText("direct" + source + "-" + coding.passage(), passage.text()),
                        coding.start(), coding.end(), coding.theme().iri(), coding.coder()));
            }
            store.addManual("direct" + source, batch, "bench");
            return (System.nanoTime() - started) / 1e9;
        } finally {
            dataset.close();
        }
    }

    /** Sources of {@value #PASSAGES_PER_SOURCE} passages of about 300 characters, each with {@value #CODINGS_PER_PASSAGE} codings of a word or two. */
    private static Project project(Ontology ontology, int codings, Random random) {
        List<Concept> themes = ontology.topThemes();
        List<SourceText> sources = new ArrayList<>();
        List<Coding> all = new ArrayList<>();
        int perSource = PASSAGES_PER_SOURCE * CODINGS_PER_PASSAGE;
        for (int s = 0; all.size() < codings; s++) {
            List<String> passages = new ArrayList<>();
            for (int p = 0; p < PASSAGES_PER_SOURCE; p++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < 300) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                passages.add(text.toString().strip());
            }
            sources.add(SourceText.joined(passages));
            int inSource = Math.min(perSource, codings - all.size());
            for (int c = 0; c < inSource; c++) {
                int passage = c / CODINGS_PER_PASSAGE;
                String text = passages.get(passage);
                int start = text.indexOf(' ', random.nextInt(text.length() / 2)) + 1;
                int end = start + 5 + random.nextInt(40);
                all.add(new Coding(s, passage, start, Math.min(end, text.length()), themes.get(random.nextInt(themes.size())),
                        CODERS.get(random.nextInt(CODERS.size()))));
            }
        }
        return new Project(sources, all);
    }

    /** The project as another tool would write it: a .qde with users, a code per top theme (mapped by label) and plain-text sources. */
    private static Path write(Project project, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("project.qde"));
            Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Benchmark\" origin=\"bench\">\n<Users>");
            for (String coder : CODERS) {
                xml.write("<User guid=\"" + guid('E', CODERS.indexOf(coder)) + "\" name=\"" + coder + "\"/>");
            }
            xml.write("</Users>\n<CodeBook><Codes>");
            List<Concept> themes = new ArrayList<>();
            project.codings().forEach(c -> {
                if (!themes.contains(c.theme())) {
                    themes.add(c.theme());
                }
            });
            for (Concept theme : themes) {
                xml.write("<Code guid=\"" + guid('D', themes.indexOf(theme)) + "\" name=\"" + theme.labelSv() + "\" isCodable=\"true\"/>");
            }
            xml.write("</Codes></CodeBook>\n<Sources>\n");
            int next = 0;
            for (int s = 0; s < project.sources().size(); s++) {
                xml.write("<TextSource guid=\"" + guid('F', s) + "\" name=\"Källa " + s + "\" plainTextPath=\"internal://" + s + ".txt\">");
                while (next < project.codings().size() && project.codings().get(next).source() == s) {
                    Coding coding = project.codings().get(next);
                    int offset = project.sources().get(s).passages().get(coding.passage()).startCodePoint();
                    xml.write(QdpxImportTest.selection(guid('A', next), new long[] {offset + coding.start(), offset + coding.end()}, "",
                            guid('D', themes.indexOf(coding.theme())), guid('E', CODERS.indexOf(coding.coder())), null));
                    next++;
                }
                xml.write("</TextSource>\n");
            }
            xml.write("</Sources>\n</Project>\n");
            xml.flush();
            zip.closeEntry();
            for (int s = 0; s < project.sources().size(); s++) {
                zip.putNextEntry(new ZipEntry("sources/" + s + ".txt"));
                zip.write(project.sources().get(s).text().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * A GUID of its own for each kind and number: {@code A} selections (their codings get {@code C} for {@code A}),
     * {@code D} codes, {@code E} users, {@code F} sources; the number in decimal digits, so that replacement touches
     * only the first group.
     */
    private static String guid(char kind, int number) {
        return String.format(Locale.ROOT, "%c%c%c%c0000-0000-4000-8000-%012d", kind, kind, kind, kind, number);
    }
}
