package org.lararena.ontology.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void everyWriterReturnsAfterItsOwnChangeIsCommittedAndAFailingWriteFailsAlone() throws Exception {
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        GroupCommit commits = new GroupCommit(StoreTransactions.local(dataset));
        int writers = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int n = 0; n < writers; n++) {
            int number = n;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    commits.calculate(() -> {
                        Resource note = dataset.getDefaultModel().createResource("urn:note:" + number);
                        note.addProperty(RDFS.label, "anteckning " + number);
                        if (number % 10 == 7) {
                            // Fails after it wrote: none of its change may stay.
                            throw LararenaException.notFound("no annotation " + number);
                        }
                        return null;
                    });
                } catch (LararenaException e) {
                    return "failed: " + e.getMessage();
                }
                // Committed before the answer: a fresh read sees it at once.
                return dataset.calculateRead(() -> dataset.getDefaultModel().contains(dataset.getDefaultModel().createResource("urn:note:" + number),
                        RDFS.label)) ? "committed" : "not visible after its answer";
            }));
        }
        start.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            answers.add(outcome.get());
        }
        pool.shutdown();

        for (int n = 0; n < writers; n++) {
            assertThat(answers.get(n)).as("writer %d", n).isEqualTo(n % 10 == 7 ? "failed: no annotation " + n : "committed");
        }
        long kept = dataset.calculateRead(() -> dataset.getDefaultModel().listSubjectsWithProperty(RDFS.label).toList().size());
        assertThat(kept).as("the changes kept: every writer's but the failing ones'").isEqualTo(writers - writers / 10);
        dataset.close();
    }

    @Test
    void aWriteInsideTheCallersOwnTransactionIsPartOfIt() {
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        GroupCommit commits = new GroupCommit(StoreTransactions.local(dataset));
        assertThatThrownBy(() -> dataset.executeWrite(() -> {
            commits.calculate(() -> dataset.getDefaultModel().createResource("urn:note:inner").addProperty(RDFS.label, "inre"));
            throw new IllegalStateException("the outer write fails");
        })).hasMessageContaining("outer write fails");
        assertThat(dataset.calculateRead(() -> dataset.getDefaultModel().listSubjectsWithProperty(RDFS.label).toList())).isEmpty();
        dataset.close();
    }
}
