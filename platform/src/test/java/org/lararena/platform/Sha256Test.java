package org.lararena.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    /** FIPS 180-2's example: SHA-256 of "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aTextAndAFileWithItsBytesHashToTheStandardsValue(@TempDir Path dir) throws Exception {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex(Files.writeString(dir.resolve("abc.txt"), "abc"))).isEqualTo(ABC);
    }

    @Test
    void aStreamReadForACopyGivesTheSameHash(@TempDir Path dir) throws Exception {
        try (var in = Sha256.reading(Files.newInputStream(Files.writeString(dir.resolve("abc.txt"), "abc")))) {
            Files.copy(in, dir.resolve("copy.txt"));
            assertThat(Sha256.hex(in.getMessageDigest())).isEqualTo(ABC);
        }
    }
}
