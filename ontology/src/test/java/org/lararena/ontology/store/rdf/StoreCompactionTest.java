package org.lararena.ontology.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;

class StoreCompactionTest {

    @TempDir
    Path dir;

    @Test
    void manySmallWritesGrowTheFilesAndAQuietMomentsCompactionShrinksThemKeepingEveryAnnotationAndDecision() {
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        RdfAnnotationStore store = new RdfAnnotationStore(dataset);
        PassageAnnotator annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
        String text = "Samverkan mellan kommunen och regionen ger patienterna kontinuitet och en fast läkarkontakt.";
        List<AnnotationStore.PassageSuggestions> passages = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            passages.add(new AnnotationStore.PassageSuggestions(new PassageText("doc-" + p, text), annotator.annotate(text)));
        }
        List<StoredAnnotation> stored = store.storeAutomatic("doc", "v1", passages);
        StoreCompaction compaction = new StoreCompaction(dataset, dir, 1);
        long start = compaction.sizeOnDisk();
        // A researcher going through the suggestions, one small write transaction each, again and again.
        for (int round = 0; round < 10; round++) {
            for (StoredAnnotation annotation : stored) {
                store.review("doc", List.of(annotation.id()), round % 2 == 0 ? ReviewState.ACCEPTED : ReviewState.REJECTED, "forskare");
            }
        }
        long grown = compaction.sizeOnDisk();
        List<StoredAnnotation> before = store.annotationsOf("doc");

        // TDB2 lays its files out in large chunks: the growth is what counts, not the files' size at the start.
        assertThat(grown - start).as("growth of the files after %d small writes", stored.size() * 10).isGreaterThan(50L << 20);
        long compactedBefore = compaction.sizeOnDisk();
        assertThat(compaction.compactIfGrown()).as("written to since the last look: it waits for a quiet moment").isFalse();
        assertThat(compaction.sizeOnDisk()).isEqualTo(compactedBefore);
        assertThat(compaction.compactIfGrown()).as("nobody wrote since the last look").isTrue();

        assertThat(compaction.sizeOnDisk() - start).as("growth left after compaction, of %d bytes", grown - start).isLessThan((grown - start) / 2);
        assertThat(store.annotationsOf("doc")).as("every annotation with its decision").isEqualTo(before);
        assertThat(store.annotationsOf("doc")).allSatisfy(a -> assertThat(a.state()).isEqualTo(ReviewState.REJECTED));
        assertThat(compaction.compactIfGrown()).as("nothing grew since").isFalse();
        dataset.close();
    }
}
