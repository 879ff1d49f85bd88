package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lararena.platform.testing.TestServices;

/**
 * A full disk during ingest, on a small file system of the test's own (a tmpfs mounted for it; this needs root, as
 * CI has, and the test is skipped with the reason elsewhere). The data directory's disk is filled while a document is
 * uploaded: the document waits with the reason "the disk is full", what was stored before stays whole and
 * searchable, and once space is freed the waiting document is indexed by itself and a further upload goes through.
 */
class FullDiskIT {

    /** The upload's fields of the reports that fill the disk: public reports. */
    private static final Map<String, String> REPORT = Map.of("visibility", "public", "type", "rapport");

    private static Path mountPoint;
    private static boolean mounted;
    private static RunningApplication app;
    private static String researcher;

    @BeforeAll
    static void startOnASmallFileSystem() throws Exception {
        mountPoint = Files.createTempDirectory("lararena-full-disk-");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=192m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "FullDiskIT needs to mount a small tmpfs (mount -t tmpfs, as root) and may not here: " + output);
        researcher = TestServices.get().accessToken("forskare", "forskare");
        app = RunningApplication.start(mountPoint.resolve("data"), Map.of());
    }

    @AfterAll
    static void stopAndUnmount() throws Exception {
        if (app != null) {
            app.close();
        }
        if (mounted) {
            Process umount = new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start();
            if (!umount.waitFor(30, TimeUnit.SECONDS) || umount.exitValue() != 0) {
                // A file still open (an application that did not start cleanly): detached now, freed when it closes.
                new ProcessBuilder("umount", "-l", mountPoint.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            }
        }
        Files.deleteIfExists(mountPoint);
    }

    @Test
    void aDocumentWaitsWhileTheDiskIsFullAndIsIndexedWhenSpaceReturns() throws Exception {
        String before = app.upload(researcher, "rapport-fore.txt", "Förstaprovet visar att samverkan kring hemgången fungerar i Värmland.\n", REPORT);
        app.awaitStatus(before, researcher, "indexed");
        Path records = mountPoint.resolve("data/documents/records");
        String recordBefore = Files.readString(records.resolve(before + ".json"));

        Path filler = mountPoint.resolve("filler");
        fill(filler);
        // Room for the upload and its original (2 × 150 kB), not for what extraction keeps of it (about 3 × 150 kB).
        shrinkBy(filler, 440 * 1024);
        String waiting = app.upload(researcher, "rapport-fullt.txt", longReport("fullprovet"), REPORT);

        assertThat(RunningApplication.awaitCondition(Duration.ofSeconds(60), () -> {
            JsonObject document = new JsonObject(app.get("/api/documents/" + waiting, researcher).body());
            return "queued".equals(document.getString("status")) && String.valueOf(document.getString("error")).startsWith("Disken är full");
        })).as("the document says it waits for disk space: %s", app.get("/api/documents/" + waiting, researcher).body()).isTrue();

        assertThat(new JsonObject(app.get("/api/search?q=f%C3%B6rstaprovet", researcher).body()).getLong("total"))
                .as("what was indexed before is still found").isEqualTo(1);
        assertThat(Files.readString(records.resolve(before + ".json"))).as("its record is unchanged").isEqualTo(recordBefore);
        assertEveryRecordIsWhole(records);

        Files.delete(filler);

        assertThat(app.awaitStatus(waiting, researcher, "indexed").getString("error")).isNull();
        assertThat(new JsonObject(app.get("/api/search?q=fullprovet", researcher).body()).getLong("total")).isPositive();
        HttpResponse<String> again = app.postFile(researcher, "rapport-stor.txt", longReport("storprovet").repeat(8), Map.of("visibility", "public"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        // Once it is through the pipeline: while it is in it, its record is being rewritten (a temporary file, then a
        // move), and a look at that moment sees the temporary file of a write that is not over.
        app.awaitStatus(new JsonArray(again.body()).getJsonObject(0).getString("id"), researcher, "indexed");
        assertEveryRecordIsWhole(records);
    }

    /**
     * An upload sent just after the disk filled is refused with 507 before its body is written: the free space is read
     * for each upload (a reading a second old once let such an upload through to a write that failed half-way, and
     * the client never got an answer). Should that come back, the time limit fails this test instead of hanging the build.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anUploadWhileTheDiskIsFullIsRefusedWith507() throws Exception {
        Path filler = mountPoint.resolve("filler-refused");
        fill(filler);
        try {
            HttpResponse<String> refused = app.postFile(researcher, "rapport-stor.txt", longReport("storprovet").repeat(8), Map.of("visibility", "public"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
            assertThat(new JsonObject(refused.body()).getString("detail")).startsWith("the disk is full");
        } finally {
            Files.delete(filler);
        }
    }

    /** About 150 kB of report text of our own, each paragraph numbered, with {@code word} in every paragraph. */
    private static String longReport(String word) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 150_000; i++) {
            text.append("Avsnitt ").append(i).append(": I ").append(word)
                    .append(" beskriver teamet hur vårdplaneringen inför hemgången sker tidigt, så att kommunen hinner förbereda hemtjänsten")
                    .append(" och vårdcentralen får veta vem som ringer patienten dagen efter.\n\n");
        }
        return text.toString();
    }

    /** Writes {@code filler} until the file system refuses: the disk is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).as("the file system is full").containsIgnoringCase("no space left");
        }
    }

    private static void shrinkBy(Path filler, long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, channel.size() - bytes));
        }
    }

    /** Every record on disk is complete JSON naming its document: nothing was left half-written. */
    private static void assertEveryRecordIsWhole(Path records) throws IOException {
        try (Stream<Path> files = Files.list(records)) {
            List<Path> all = files.toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertThat(file.getFileName().toString()).as("no temporary file left").endsWith(".json");
                assertThat(new JsonObject(Files.readString(file)).getString("id")).isEqualTo(file.getFileName().toString().replace(".json", ""));
            }
        }
    }
}
