package org.lararena.ontology.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.TdbAnnotationStore;

class AnnotationStoreBenchmark {

    @Test
    void storeAutomatic() throws Exception {
        Ontology ontology = OntologyLoader.fromClasspath();
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        Path dir = Files.createTempDirectory("tdb-bench");
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        TdbAnnotationStore store = new TdbAnnotationStore(dataset);
        int n = Integer.getInteger("passages", 2000);
        String[] texts = BenchmarkPassages.TEXTS;
        List<AnnotationStore.PassageSuggestions> passages = new ArrayList<>();
        long t0 = System.nanoTime();
        int suggestions = 0;
        for (int i = 0; i < n; i++) {
            String text = texts[i % texts.length] + " (" + i + ")";
            var s = annotator.annotate(text);
            suggestions += s.size();
            passages.add(new AnnotationStore.PassageSuggestions(new PassageText("doc-" + i, text), s));
        }
        long t1 = System.nanoTime();
        store.storeAutomatic("doc", "v1", passages);
        long t2 = System.nanoTime();
        store.storeAutomatic("doc", "v1", passages);
        long t3 = System.nanoTime();
        System.out.printf("passages %d suggestions %d annotate %.2f ms/passage store %.2f ms/passage again %.2f ms/passage%n",
                n, suggestions, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n, (t3 - t2) / 1e6 / n);
        dataset.close();
    }
}
