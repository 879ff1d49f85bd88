package org.lararena.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * Retention dates from the type's years, the project's end, the document's own date, and a date a steward set; the
 * report of what is due; erasure of confirmed due documents only. The erasure itself is a recording stand-in here
 * ({@code ErasureCanaryIT} proves the real one).
 */
class RetentionTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2031-06-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    private DocumentStore documents;
    private final List<List<String>> erased = new ArrayList<>();

    @BeforeEach
    void openStore() {
        documents = new DocumentStore(dataDir.resolve("documents"));
    }

    private String document(String type, String date) throws Exception {
        Path file = Files.writeString(dataDir.resolve("upload-" + System.nanoTime() + ".txt"), "Text " + System.nanoTime());
        DocumentRecord stored = documents.store(file, "dokument.txt", new DocumentStore.UploadFields(null, type, null, date, null), "forskare");
        return documents.update(stored.id(), current -> current.withStatus(DocumentStatus.INDEXED, null)).id();
    }

    private Retention retention(Map<String, Integer> years, LocalDate projectEnd) {
        return new Retention(documents, new LararenaConfig.Retention(years, Optional.ofNullable(projectEnd)), dataDir,
                (ids, reason, by) -> {
                    erased.add(ids);
                    return new Tombstone("t", ids, List.of(), false, by, TODAY.instant(), reason, List.of());
                }, TODAY);
    }

    @Test
    void interviewsAreDueTheirYearsAfterTheProjectEndsAndOtherTypesAreKept() throws Exception {
        String interview = document("intervju", "2019-03-02");
        String report = document("rapport", "2019-03-02");

        JsonObject dueNow = retention(Map.of("intervju", 10), LocalDate.of(2021, 6, 1)).report();
        JsonObject notYet = retention(Map.of("intervju", 10), LocalDate.of(2022, 1, 1)).report();

        assertThat(dueNow.getJsonArray("due")).hasSize(1);
        assertThat(dueNow.getJsonArray("due").getJsonObject(0).getString("documentId")).isEqualTo(interview);
        assertThat(dueNow.getJsonArray("due").getJsonObject(0).getString("retainUntil")).isEqualTo("2031-06-01");
        assertThat(dueNow.encode()).as("a type without years is kept without end").doesNotContain(report);
        assertThat(notYet.getJsonArray("due")).isEmpty();
        assertThat(notYet.getJsonArray("later").getJsonObject(0).getString("retainUntil")).isEqualTo("2032-01-01");
    }

    @Test
    void withoutAProjectEndTheDocumentsOwnDateCountsAndAStewardsDateOverridesBoth() throws Exception {
        String interview = document("intervju", "2020");
        Retention retention = retention(Map.of("intervju", 10), null);
        JsonObject due = retention.report().getJsonArray("due").getJsonObject(0);
        assertThat(due.getString("retainUntil")).as("a year-only date counts from its last day").isEqualTo("2030-12-31");
        assertThat(due.getString("basis")).isEqualTo("type");

        retention.setDate(interview, "2040-01-01");

        JsonObject report = retention(Map.of("intervju", 10), null).report();
        assertThat(report.getJsonArray("due")).as("the date a steward set is kept on disk and counts").isEmpty();
        assertThat(report.getJsonArray("later").getJsonObject(0).getString("basis")).isEqualTo("document");
        assertThatThrownBy(() -> retention.setDate(interview, "snart")).isInstanceOf(LararenaException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> retention.setDate("finns-inte", "2040-01-01")).hasMessageContaining("no document");
    }

    @Test
    void onlyDueDocumentsAreErasedOnConfirmationAndOneNotDueStopsTheWholeConfirmation() throws Exception {
        String due = document("intervju", "2010-01-01");
        String later = document("intervju", "2030-01-01");
        Retention retention = retention(Map.of("intervju", 10), null);

        assertThatThrownBy(() -> retention.eraseDue(List.of(due, later), null, "forskare2"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("not due").hasMessageContaining("2040-01-01");
        assertThat(erased).as("nothing erased").isEmpty();

        Tombstone tombstone = retention.eraseDue(List.of(due), null, "forskare2");

        assertThat(erased).containsExactly(List.of(due));
        assertThat(tombstone.reason()).isEqualTo(Retention.DEFAULT_REASON);
    }
}
