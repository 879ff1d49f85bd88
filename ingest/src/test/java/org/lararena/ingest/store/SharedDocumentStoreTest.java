package org.lararena.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.shared.ChangeNotices;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.shared.JsonCollection;

/**
 * Two instances' document stores over one collection of records and one shared directory, as a cluster has them
 * (in production the records are in Elasticsearch and the notices go over the clustered event bus; here a folder
 * both reach, and notices delivered at once).
 */
class SharedDocumentStoreTest {

    @TempDir
    Path shared;
    @TempDir
    Path local;

    private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();

    private DocumentStore instance(String name, JsonCollection records) {
        ChangeNotices notices = new ChangeNotices() {
            @Override
            public void changed(String collection, String id) {
                listeners.forEach((instance, listener) -> {
                    if (!instance.equals(name)) {
                        listener.accept(id);
                    }
                });
            }

            @Override
            public void listen(String collection, Consumer<String> changedElsewhere) {
                listeners.put(name, changedElsewhere);
            }
        };
        return new DocumentStore(shared, local.resolve(name), records, notices, name);
    }

    @Test
    void anUploadToOneInstanceIsReadOnTheOtherAndTheirChangesAtOnceAreBothKept() throws IOException {
        JsonCollection records = new FileCollection(shared.resolve("records"), DocumentStore.RECORDS.what(), false);
        DocumentStore first = instance("1", records);
        DocumentStore second = instance("2", records);
        DocumentRecord uploaded = first.store(file("intervju med enhetschef"), "intervju.txt",
                new DocumentStore.UploadFields(null, "intervju", null, null, null), "forskare");

        assertThat(second.find(uploaded.id())).as("the record, read on the other instance").contains(uploaded);
        assertThat(Files.readString(second.original(uploaded))).as("the original, in the shared directory").isEqualTo("intervju med enhetschef");

        // The second instance holds an older record than the store when it changes the visibility: the pipeline on
        // the first moved the status meanwhile. Neither change is lost.
        DocumentRecord olderOnSecond = second.find(uploaded.id()).orElseThrow();
        first.update(uploaded.id(), current -> current.withStatus(DocumentStatus.EXTRACTING, null));
        second.update(olderOnSecond.id(), current -> current.withVisibility(Visibility.PILOT));

        for (DocumentStore store : List.of(first, second, instance("3", new FileCollection(shared.resolve("records"),
                DocumentStore.RECORDS.what(), false)))) {
            assertThat(store.find(uploaded.id()).orElseThrow())
                    .extracting(DocumentRecord::status, DocumentRecord::visibility)
                    .containsExactly(DocumentStatus.EXTRACTING, Visibility.PILOT);
        }
    }

    @Test
    void theSameBytesUploadedToTheOtherInstanceAreADuplicate() throws IOException {
        JsonCollection records = new FileCollection(shared.resolve("records"), DocumentStore.RECORDS.what(), false);
        DocumentStore first = instance("1", records);
        DocumentStore second = instance("2", records);
        DocumentRecord original = first.store(file("samma rapport"), "a.txt", new DocumentStore.UploadFields(null, null, null, null, null), "forskare");

        DocumentRecord again = second.store(file("samma rapport"), "b.txt", new DocumentStore.UploadFields(null, null, null, null, null), "forskare");

        assertThat(again.status()).isEqualTo(DocumentStatus.DUPLICATE);
        assertThat(again.duplicateOf()).isEqualTo(original.id());
    }

    @Test
    void anUnfinishedDocumentOfAnInstanceThatLeftIsClaimedByOneSurvivorAndALiveInstancesDocumentByNone() throws IOException {
        JsonCollection records = new FileCollection(shared.resolve("records"), DocumentStore.RECORDS.what(), false);
        DocumentStore leaving = instance("1", records);
        DocumentRecord orphan = leaving.store(file("lämnas halvfärdig"), "a.txt", new DocumentStore.UploadFields(null, null, null, null, null), "forskare");
        DocumentStore second = instance("2", records);
        DocumentStore third = instance("3", records);
        DocumentRecord kept = second.store(file("andra instansens"), "b.txt", new DocumentStore.UploadFields(null, null, null, null, null), "forskare");

        assertThat(second.claimOrphans(Set.of("1", "2", "3"))).as("while instance 1 is a member").isEmpty();

        Set<String> afterOneLeft = Set.of("2", "3");
        List<DocumentRecord> wonBySecond = second.claimOrphans(afterOneLeft);
        List<DocumentRecord> wonByThird = third.claimOrphans(afterOneLeft);

        assertThat(wonBySecond).extracting(DocumentRecord::id).containsExactly(orphan.id());
        assertThat(wonByThird).as("claimed already, by a member").isEmpty();
        assertThat(third.claimOrphans(afterOneLeft)).isEmpty();
        assertThat(third.claimOrphans(Set.of("3"))).as("instance 2 left too: its documents, the claimed one among them")
                .extracting(DocumentRecord::id).containsExactlyInAnyOrder(orphan.id(), kept.id());
    }

    private Path file(String content) throws IOException {
        Path file = Files.createTempFile(local, "upload", ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
