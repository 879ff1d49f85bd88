package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;

/** The framed protocol between the extractor and its workers, and the configuration the workers are started with. */
class WorkerProtocolTest {

    @Test
    void aDocumentWithPagesMetadataAndCuesSurvivesTheRoundTrip() throws Exception {
        ExtractedDocument sent = new ExtractedDocument("application/pdf", "Sida ett om vård.\fSida två om omsorg.",
                List.of("Sida ett om vård.", "Sida två om omsorg."),
                new DocumentMetadata("Lägesrapport", "Anna Berg", Instant.parse("2023-03-14T09:00:00Z"), "sv-SE"),
                List.of(new SpeakerCue(Duration.ofMillis(1500), Duration.ofSeconds(4), "Sara Lind", "Vi startade."),
                        new SpeakerCue(Duration.ZERO, Duration.ofSeconds(1), null, "Musik.")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeDocument(new DataOutputStream(bytes), sent);

        ExtractedDocument received = WorkerProtocol.readResponse(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1000);

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void aFailureIsRethrownOnTheParentsSideWithItsKindReasonAndDetail() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeFailure(new DataOutputStream(bytes), new ExtractionException(Kind.ENCRYPTED, "Filen är krypterad.", "password required"));

        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> WorkerProtocol.readResponse(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1000));

        assertThat(failure.kind()).isEqualTo(Kind.ENCRYPTED);
        assertThat(failure.reason()).isEqualTo("Filen är krypterad.");
        assertThat(failure.detail()).isEqualTo("password required");
    }

    @Test
    void aFrameLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeInt(Integer.MAX_VALUE);

        assertThatThrownBy(() -> WorkerProtocol.readResponse(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1000))
                .isInstanceOf(IOException.class).hasMessageContaining("outside");
    }

    @Test
    void theConfigurationSurvivesTheWorkersCommandLine() {
        LararenaConfig.Extraction config = ExtractionSettings.withoutOcr().timePerFile(Duration.ofMillis(2500)).workers(3).build();

        assertThat(WorkerProtocol.config(WorkerProtocol.arguments(config).toArray(String[]::new))).isEqualTo(config);
    }

    @Test
    void theDefaultsAreTheDocumentedLimits() {
        LararenaConfig.Extraction defaults = LararenaConfig.Extraction.defaults();

        assertThat(defaults.timePerFile()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.workerHeapMegabytes()).isEqualTo(512);
        assertThat(defaults.maxOutputCharacters()).isEqualTo(20_000_000);
        assertThat(defaults.maxPackageDepth()).isEqualTo(5);
    }

    @Test
    void aLimitThatIsNotPositiveIsRefusedAtConstruction() {
        assertThatThrownBy(() -> ExtractionSettings.defaults().workerHeapMegabytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workerHeapMegabytes");
    }
}
