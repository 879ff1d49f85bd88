package org.lararena.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the one way every module names content by its bytes: stored originals, backup files,
 * annotation and codebook ids.
 */
public final class Sha256 {

    private Sha256() {
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hex of what {@code digest} has been fed (which resets it). */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hex SHA-256 of {@code text}'s UTF-8 bytes. */
    public static String hex(String text) {
        MessageDigest digest = newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(digest);
    }

    /** The hex SHA-256 of a file's bytes, read as a stream. */
    public static String hex(Path file) throws IOException {
        try (DigestInputStream in = reading(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
            return hex(in.getMessageDigest());
        }
    }

    /**
     * Hashes what is read from {@code in}, for hashing while the bytes are read for something else (a copy):
     * {@link #hex(MessageDigest)} of its {@code getMessageDigest()} gives the hash once all is read.
     */
    public static DigestInputStream reading(InputStream in) {
        return new DigestInputStream(in, newDigest());
    }
}
