package org.lararena.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The erasure log: tombstones and recorded backups survive a reopen, and a restore's merge of a newer log adds
 * exactly the erasures the restored directory does not hold, in their order.
 */
class ErasureLogTest {

    @TempDir
    Path newer;
    @TempDir
    Path restored;

    private static Tombstone tombstone(String id, List<String> documents, List<String> backups) {
        return new Tombstone(id, documents, List.of("intervju"), false, "forskare2", Instant.parse("2026-12-01T10:00:00Z"),
                "Samtycke återkallat", backups);
    }

    @Test
    void backupsAreRecordedAndTombstonesKeptAcrossAReopen() {
        ErasureLog log = new ErasureLog(newer);
        log.backupTaken("/srv/backups/oktober", Instant.parse("2026-10-01T02:00:00Z"));
        log.add(tombstone("t1", List.of("d1"), log.backups()));

        ErasureLog reopened = new ErasureLog(newer);

        assertThat(reopened.backups()).containsExactly("/srv/backups/oktober");
        assertThat(reopened.tombstones()).singleElement().satisfies(t -> {
            assertThat(t.documents()).containsExactly("d1");
            assertThat(t.backupsBefore()).containsExactly("/srv/backups/oktober");
            assertThat(t.reason()).isEqualTo("Samtycke återkallat");
        });
    }

    @Test
    void aRestoreTakesOnlyTheErasuresRecordedAfterItsBackup() {
        ErasureLog older = new ErasureLog(restored);
        older.add(tombstone("t1", List.of("d1"), List.of()));
        ErasureLog current = new ErasureLog(newer);
        current.add(tombstone("t1", List.of("d1"), List.of()));
        current.add(tombstone("t2", List.of("d2", "d3"), List.of("/srv/backups/oktober")));

        int added = older.merge(newer.resolve(ErasureLog.FOLDER).resolve(ErasureLog.TOMBSTONES));

        assertThat(added).isEqualTo(1);
        assertThat(older.tombstones()).extracting(Tombstone::id).containsExactly("t1", "t2");
        assertThat(older.merge(newer.resolve(ErasureLog.FOLDER).resolve(ErasureLog.TOMBSTONES))).as("merging twice adds nothing").isZero();
    }
}
