package org.lararena.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** What the store keeps of uploads: safe file names, duplicates of documents that did not fail, new attempts at failed ones. */
class DocumentStoreTest {

    private static final DocumentStore.UploadFields NO_FIELDS = new DocumentStore.UploadFields(null, null, null, null, null);

    @TempDir
    Path dir;

    @Test
    void dropsBidirectionalControlsAndOtherInvisibleFormattingFromFileNames() {
        assertThat(DocumentStore.safeFilename("anteckning\u202Efdp.txt")).isEqualTo("anteckningfdp.txt");
        assertThat(DocumentStore.safeFilename("\u2066rapport\u2069\u200B 2024\uFEFF.pdf")).isEqualTo("rapport 2024.pdf");
        assertThat(DocumentStore.safeFilename("\u202E")).isEqualTo("dokument");
    }

    @Test
    void aDocumentUnpackedFromAnArchiveNamesItAndTakesWhatWasSaidOfTheArchive() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord archive = store.store(file("u.zip", "arkivets byte"), "underlag.zip",
                new DocumentStore.UploadFields("Underlag", "intervju", "Värmland", "2024-03-01", Visibility.RESTRICTED), "forskare");

        DocumentRecord part = store.storePart(file("p.txt", "en intervju"), "plan.txt", archive, "rapporter/plan.txt");

        DocumentRecord reread = new DocumentStore(dir).find(part.id()).orElseThrow();
        assertThat(reread).extracting(DocumentRecord::partOf, DocumentRecord::pathInArchive, DocumentRecord::filename,
                DocumentRecord::title, DocumentRecord::type, DocumentRecord::pilot, DocumentRecord::visibility, DocumentRecord::uploadedBy)
                .containsExactly(archive.id(), "rapporter/plan.txt", "plan.txt", null, "intervju", "Värmland", Visibility.RESTRICTED, "forskare");
        assertThat(reread.toJson().getString("partOf")).isEqualTo(archive.id());
        assertThat(store.storePart(file("p.txt", "en intervju"), "plan.txt", archive, "rapporter/plan.txt"))
                .as("the same part again, as when the archive is unpacked again after a restart").isEqualTo(part);
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void aRecordStoredWithAnOverrideInItsNameIsShownWithoutIt() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord record = store.store(file("a.txt", "text"), "ok.txt", NO_FIELDS, "forskare");
        store.update(record.id(), current -> current.withFilename("anteckning\u202Efdp.txt"));

        assertThat(new DocumentStore(dir).find(record.id()).orElseThrow().filename()).isEqualTo("anteckningfdp.txt");
    }

    @Test
    void theSameBytesAgainAreADuplicateOfTheDocumentThatHasThemNamedByItsTitle() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord first = store.store(file("a.txt", "samma text"), "a.txt",
                new DocumentStore.UploadFields("Lägesrapport", null, null, null, null), "forskare");
        store.update(first.id(), current -> current.withStatus(DocumentStatus.INDEXED, null));

        DocumentRecord again = store.store(file("b.txt", "samma text"), "b.txt", NO_FIELDS, "forskare");

        assertThat(again.status()).isEqualTo(DocumentStatus.DUPLICATE);
        assertThat(again.duplicateOf()).isEqualTo(first.id());
        assertThat(store.find(again.duplicateOf()).orElseThrow().shownTitle()).isEqualTo("Lägesrapport");
    }

    @Test
    void uploadingAFailedFileAgainStartsANewAttemptThatTheFailedRecordPointsTo() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord first = store.store(file("a.txt", "trasig"), "a.txt", NO_FIELDS, "forskare");
        store.update(first.id(), current -> current.withStatus(DocumentStatus.FAILED, "Filen kunde inte läsas."));

        DocumentRecord again = store.store(file("a.txt", "trasig"), "a.txt", NO_FIELDS, "forskare");

        assertThat(again.status()).isEqualTo(DocumentStatus.QUEUED);
        assertThat(store.find(first.id()).orElseThrow().retriedAs()).isEqualTo(again.id());
        assertThat(new DocumentStore(dir).find(first.id()).orElseThrow().retriedAs()).as("kept across a restart").isEqualTo(again.id());
        assertThat(store.store(file("a.txt", "trasig"), "a.txt", NO_FIELDS, "forskare").duplicateOf())
                .as("the new attempt holds the bytes now").isEqualTo(again.id());
    }

    @Test
    void anEmptyFileIsNeverADuplicateOfSomeoneElsesFailedEmptyUpload() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord someoneElses = store.store(file("tom.txt", ""), "tom.txt", NO_FIELDS, "annan");
        store.update(someoneElses.id(), current -> current.withStatus(DocumentStatus.FAILED, "Filen är tom."));

        DocumentRecord mine = new DocumentStore(dir).store(file("min.txt", ""), "min.txt", NO_FIELDS, "forskare");

        assertThat(mine.status()).isEqualTo(DocumentStatus.QUEUED);
        assertThat(mine.duplicateOf()).isNull();
        assertThat(store.find(someoneElses.id()).orElseThrow().retriedAs()).isNull();
    }

    @Test
    void retryQueuesAFailedDocumentAgainAndRefusesOthers() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord failed = store.update(store.store(file("a.txt", "x"), "a.txt", NO_FIELDS, "forskare").id(),
                current -> current.withStatus(DocumentStatus.FAILED, "Tidsgränsen nåddes."));

        DocumentRecord queued = store.retry(failed.id());

        assertThat(queued.id()).isEqualTo(failed.id());
        assertThat(queued.status()).isEqualTo(DocumentStatus.QUEUED);
        assertThat(queued.error()).isNull();
        assertThatThrownBy(() -> store.retry(failed.id())).isInstanceOf(LararenaException.class)
                .hasMessageContaining("only a failed document").extracting(e -> ((LararenaException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> store.retry("okänd")).extracting(e -> ((LararenaException) e).status()).isEqualTo(404);
    }

    @Test
    void retryOfAFailedDocumentWhoseFileWasUploadedAgainNamesTheNewAttempt() throws IOException {
        DocumentStore store = new DocumentStore(dir);
        DocumentRecord failed = store.update(store.store(file("a.txt", "x"), "a.txt", NO_FIELDS, "forskare").id(),
                current -> current.withStatus(DocumentStatus.FAILED, "Tidsgränsen nåddes."));
        DocumentRecord again = store.store(file("b.txt", "x"), "b.txt", NO_FIELDS, "forskare");

        assertThatThrownBy(() -> store.retry(failed.id())).isInstanceOf(LararenaException.class)
                .hasMessageContaining("\"b.txt\"").hasMessageContaining("/dokument/" + again.id());
    }

    private Path file(String name, String content) throws IOException {
        Path file = Files.createTempFile(dir, name, ".upload");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
