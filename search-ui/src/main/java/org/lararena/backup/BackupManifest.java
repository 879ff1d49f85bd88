package org.lararena.backup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lararena.platform.LararenaException;
import org.lararena.platform.Sha256;

/**
 * The manifest of a backup ({@value #FILE}): what it holds (every file with its size and SHA-256), which versions
 * wrote it, and where its parts are. It is written last, through a temporary file renamed into place, so a backup
 * stopped half-way has none and {@link #verify} rejects it rather than taking it for complete.
 */
public final class BackupManifest {

    public static final String FILE = "manifest.json";
    /** The layout of a backup directory; a restore refuses a backup of a layout it does not know. */
    public static final int LAYOUT_VERSION = 1;

    private BackupManifest() {
    }

    /** Writes {@code manifest} with the checksum of every file now under {@code backupDir}, as the backup's last step. */
    static JsonObject seal(Path backupDir, JsonObject manifest) throws IOException {
        JsonArray files = new JsonArray();
        long bytes = 0;
        for (Path file : filesUnder(backupDir)) {
            long size = Files.size(file);
            bytes += size;
            files.add(new JsonObject().put("path", relative(backupDir, file)).put("bytes", size).put("sha256", Sha256.hex(file)));
        }
        manifest.put("layoutVersion", LAYOUT_VERSION).put("fileCount", files.size()).put("bytes", bytes).put("files", files);
        Path temp = backupDir.resolve(FILE + ".tmp");
        Files.writeString(temp, manifest.encodePrettily());
        Files.move(temp, backupDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    /**
     * Reads the manifest of {@code backupDir} and checks every file against it (present, same size, same SHA-256) and
     * that nothing was added. Throws a {@link LararenaException} (422) listing what is wrong; returns the manifest.
     */
    public static JsonObject verify(Path backupDir) {
        if (!Files.isDirectory(backupDir)) {
            throw new LararenaException(404, "backup_not_found", backupDir + " is not a folder: give the folder a backup was written to");
        }
        Path manifestFile = backupDir.resolve(FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new LararenaException(422, "backup_incomplete", "the backup in " + backupDir + " has no " + FILE
                    + ": it was not finished (a backup writes its manifest last). Take a new backup.");
        }
        JsonObject manifest;
        try {
            manifest = new JsonObject(Files.readString(manifestFile));
        } catch (IOException | RuntimeException e) {
            throw new LararenaException(422, "backup_corrupt", FILE + " in " + backupDir + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (manifest.getInteger("layoutVersion", -1) != LAYOUT_VERSION) {
            throw new LararenaException(422, "backup_unknown_layout", "the backup in " + backupDir + " has layout version "
                    + manifest.getValue("layoutVersion") + "; this Lärarena reads version " + LAYOUT_VERSION);
        }
        List<String> problems = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (Object item : manifest.getJsonArray("files", new JsonArray())) {
            JsonObject entry = (JsonObject) item;
            String path = entry.getString("path");
            listed.add(path);
            Path file = backupDir.resolve(path).normalize();
            if (!file.startsWith(backupDir)) {
                problems.add(path + " points outside the backup");
                continue;
            }
            try {
                if (Files.size(file) != entry.getLong("bytes")) {
                    problems.add(path + " has " + Files.size(file) + " bytes, the manifest says " + entry.getLong("bytes"));
                } else if (!Sha256.hex(file).equals(entry.getString("sha256"))) {
                    problems.add(path + " does not match its checksum");
                }
            } catch (NoSuchFileException e) {
                problems.add(path + " is missing");
            } catch (IOException e) {
                problems.add(path + " cannot be read (" + e.getMessage() + ")");
            }
        }
        try {
            for (Path file : filesUnder(backupDir)) {
                String path = relative(backupDir, file);
                if (!listed.contains(path)) {
                    problems.add(path + " is not part of the backup (added afterwards?)");
                }
            }
        } catch (IOException e) {
            problems.add("the folder cannot be listed (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            throw new LararenaException(422, "backup_corrupt", "the backup in " + backupDir + " is damaged: "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? " and " + (problems.size() - 10) + " more" : ""));
        }
        return manifest;
    }

    /** Every regular file under {@code dir} but the manifest (and its temporary file), in a stable order. */
    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getParent().equals(dir) || !file.getFileName().toString().startsWith(FILE))
                    .sorted().toList();
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
