package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.services.ServerDistributions;
import org.lararena.platform.testing.TestServices;

/**
 * A backup restored as a research group would use it: {@code ./lararena backup DIR} while the platform runs,
 * {@code backup --verify}, a document erased after the backup was taken, the data directory wiped,
 * {@code ./lararena restore DIR --erasures FILE} with the erasure log of the wiped directory, and after {@code up}
 * the same searches give the same answers but for the erased document, which stays erased, and the documents'
 * annotations are there. On the way, every refusal the
 * commands promise: a non-empty backup folder, a restore onto a non-empty data directory, a damaged or unfinished
 * backup; each with a message and a non-zero exit, nothing changed.
 */
class BackupRestoreIT {

    private static final String MARKER = "säkerhetskopieprov";

    @TempDir
    Path configHome;

    @Test
    void aBackupRestoredOntoAnEmptyDataDirectoryGivesTheSameAnswersAndAnnotationsAndKeepsLaterErasures() throws Exception {
        Path backup = Path.of("target").toAbsolutePath().resolve("backup-it-" + System.nanoTime());
        Path erasureLog = configHome.resolve("tombstones.jsonl");
        try (ManagedUp up = new ManagedUp("backup-it", Map.of("XDG_CONFIG_HOME", configHome.toString()))) {
            String token = TestServices.get().accessToken("forskare", "forskare");
            up.start();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                up.upload(token, "kopia-" + i + ".txt", "Intervju " + i + " om " + MARKER + ": vårdcentralen införde digitala"
                        + " vårdbesök och patienterna fick kortare väntetider i primärvården.");
            }
            ManagedUp.await("the documents are found", Duration.ofMinutes(3), () -> up.hits(token, MARKER) == 3);
            JsonObject answerBefore = up.search(token, MARKER);
            ids.addAll(documentIds(answerBefore));
            Map<String, JsonArray> annotationsBefore = annotations(up, token, ids);
            assertThat(annotationsBefore.values()).as("the annotator found concepts to compare").anySatisfy(list -> assertThat(list).isNotEmpty());

            assertThat(up.cli("login", "--user", "admin", "--password", "admin").exit()).isZero();
            CliRunner.Run taken = up.cli("backup", backup.toString());
            assertThat(taken.exit()).as(taken.err()).isZero();
            assertThat(taken.out()).contains("Backed up into " + backup);
            CliRunner.Run verified = up.cli("backup", "--verify", backup.toString());
            assertThat(verified.exit()).as(verified.err()).isZero();
            assertThat(verified.out()).contains("is complete");

            CliRunner.Run again = up.cli("backup", backup.toString());
            assertThat(again.exit()).as("a second backup into the same folder").isNotZero();
            assertThat(again.err()).contains("not empty");

            // Erased after the backup was taken: the restore must not bring it back.
            String erased = ids.get(0);
            CliRunner.Run erasure = up.cli("erase", "--document", erased, "--reason", "samtycket återkallat");
            assertThat(erasure.exit()).as(erasure.out() + erasure.err()).isZero();
            ManagedUp.await("the erased document is no longer found", Duration.ofMinutes(1), () -> up.hits(token, MARKER) == 2);

            up.stop();
            Files.copy(up.dataDir.resolve("erasures/tombstones.jsonl"), erasureLog);
            CliRunner.Run ontoFull = up.cli("restore", backup.toString());
            assertThat(ontoFull.exit()).as("a restore onto the full data directory").isNotZero();
            assertThat(ontoFull.err()).contains("is not empty");
            assertThat(up.dataDir.resolve("documents")).as("nothing changed").isDirectory();

            try (var entries = Files.list(up.dataDir)) {
                for (Path entry : entries.toList()) {
                    ServerDistributions.deleteTree(entry);
                }
            }
            CliRunner.Run restored = up.cli("restore", backup.toString(), "--erasures", erasureLog.toString());
            assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
            assertThat(restored.out()).contains("1 erasure(s) recorded after this backup");

            up.start();
            ManagedUp.await("the restored documents are found, the erased one erased again", Duration.ofMinutes(3),
                    () -> up.search(token, MARKER) != null && up.hits(token, MARKER) == 2);
            JsonObject answerAfter = up.search(token, MARKER);
            List<String> expected = new ArrayList<>(documentIds(answerBefore));
            expected.remove(erased);
            assertThat(documentIds(answerAfter)).as("the same answers, but for the erased document").isEqualTo(expected);
            assertThat(up.get("/api/documents/" + erased, token).statusCode()).as("the erased document").isEqualTo(404);
            assertThat(up.get("/api/documents/" + erased + "/annotations", token).statusCode()).isEqualTo(404);
            annotationsBefore.remove(erased);
            assertThat(annotations(up, token, expected)).isEqualTo(annotationsBefore);
        } finally {
            ServerDistributions.deleteTree(backup);
        }
    }

    @Test
    void aDamagedOrUnfinishedBackupFailsVerification() throws Exception {
        Path backup = Files.createDirectories(configHome.resolve("backup/files"));
        Files.writeString(backup.resolve("memo.json"), "{}");
        Map<String, String> env = Map.of("LARARENA_DATA_DIR", configHome.resolve("data").toString());

        CliRunner.Run unfinished = CliRunner.run(env, "backup", "--verify", backup.getParent().toString());
        assertThat(unfinished.exit()).isNotZero();
        assertThat(unfinished.err()).contains("not finished");

        CliRunner.Run restore = CliRunner.run(env, "restore", backup.getParent().toString());
        assertThat(restore.exit()).isNotZero();
        assertThat(restore.err()).contains("not finished");
        assertThat(configHome.resolve("data")).as("nothing was written").doesNotExist();
    }

    /** The documents an answer finds: each hit's, and those its near-duplicates are in (one hit for a text in several). */
    private static List<String> documentIds(JsonObject answer) {
        return answer.getJsonArray("hits").stream().map(JsonObject.class::cast)
                .flatMap(hit -> Stream.concat(Stream.of(hit.getString("documentId")),
                        hit.getJsonArray("alsoIn", new JsonArray()).stream().map(other -> ((JsonObject) other).getString("documentId"))))
                .distinct().sorted().toList();
    }

    private static Map<String, JsonArray> annotations(ManagedUp up, String token, List<String> ids) throws Exception {
        Map<String, JsonArray> byDocument = new TreeMap<>();
        for (String id : ids) {
            var response = up.get("/api/documents/" + id + "/annotations", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            byDocument.put(id, new JsonArray(response.body()));
        }
        return byDocument;
    }
}
