package org.lararena.ingest.describe;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lararena.ingest.StepTimings;
import org.lararena.ingest.StepTimings.Step;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.extract.SpeakerCue;
import org.lararena.ingest.repair.LineHandling;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.repair.TextRepairer;
import org.lararena.ingest.segment.Layout;
import org.lararena.ingest.segment.Passage;
import org.lararena.ingest.segment.Segmenter;
import org.lararena.ontology.Ontology;

/**
 * The text steps after extraction, in order: repair, segment, describe. Each step is one method, for a
 * verticle per step, and {@link #process} runs all three. Stateless and thread-safe; every method blocks
 * briefly on CPU (run it off the event loop).
 */
public final class TextPipeline {

    private final TextRepairer repairer;
    private final Segmenter segmenter;
    private final DocumentDescriber describer;

    /** The pipeline with the standard vocabulary and passage sizes, and the shipped ontology's document types and pilots. */
    public TextPipeline() {
        this(new TextRepairer(), new Segmenter(), new DocumentDescriber());
    }

    /** The pipeline with the standard vocabulary and passage sizes, and {@code ontology}'s document types and pilots. */
    public TextPipeline(Ontology ontology) {
        this(new TextRepairer(), new Segmenter(), new DocumentDescriber(ontology));
    }

    public TextPipeline(TextRepairer repairer, Segmenter segmenter, DocumentDescriber describer) {
        this.repairer = Objects.requireNonNull(repairer);
        this.segmenter = Objects.requireNonNull(segmenter);
        this.describer = Objects.requireNonNull(describer);
    }

    /** All steps. {@code original} is the stored upload, read only to hash it. */
    public ProcessedDocument process(Path original, UploadFields upload, ExtractedDocument extracted) {
        return process(original, upload, extracted, original.getFileName().toString());
    }

    /** {@link #process(Path, UploadFields, ExtractedDocument)}, each step's time recorded for {@code documentId} ({@link StepTimings}). */
    public ProcessedDocument process(Path original, UploadFields upload, ExtractedDocument extracted, String documentId) {
        RepairedText repaired = StepTimings.time(Step.REPAIR, documentId, () -> repair(extracted));
        List<Passage> passages = StepTimings.time(Step.SEGMENTATION, documentId, () -> segment(extracted, repaired, upload));
        DocumentDescription description = StepTimings.time(Step.DESCRIPTION, documentId,
                () -> describe(original, upload, extracted, repaired, passages));
        return new ProcessedDocument(repaired, passages, description);
    }

    /** Repair; a slide deck keeps its lines, as each is a title or a bullet, and a spreadsheet, as each is a cell. */
    public RepairedText repair(ExtractedDocument extracted) {
        return repairer.repair(extracted.text(), extracted.isSlideDeck() || extracted.isSpreadsheet() ? LineHandling.KEEP : LineHandling.REJOIN_WRAPPED);
    }

    /** Passages by the layout the format implies: slides per slide, subtitles per voice, others by their text. */
    public List<Passage> segment(ExtractedDocument extracted, RepairedText repaired) {
        return segment(extracted, repaired, UploadFields.NONE);
    }

    /**
     * Passages by the layout the upload or the format implies: a document declared an interview or transcript in
     * speaker turns (its labels never stay in a passage, however few), slides per slide, subtitles per voice,
     * others by their text.
     */
    public List<Passage> segment(ExtractedDocument extracted, RepairedText repaired, UploadFields upload) {
        Set<String> voices = new LinkedHashSet<>();
        for (SpeakerCue cue : extracted.speakerCues()) {
            if (cue.speaker() != null) {
                voices.add(cue.speaker());
            }
        }
        return segmenter.segment(repaired, layoutOf(extracted, upload == null ? UploadFields.NONE : upload), voices);
    }

    public DocumentDescription describe(Path original, UploadFields upload, ExtractedDocument extracted, RepairedText repaired,
            List<Passage> passages) {
        return describer.describe(original, upload, extracted, repaired, passages);
    }

    /** The name of the pilot a description found ({@code Värmland} for {@code varmland}); {@code null} stays null. */
    public String pilotName(String pilotRegion) {
        return describer.pilotName(pilotRegion);
    }

    Layout layoutOf(ExtractedDocument extracted, UploadFields upload) {
        if (describer.namesSpeakers(upload.documentType())) {
            return Layout.TRANSCRIPT;
        }
        if (extracted.isSlideDeck()) {
            return Layout.SLIDES;
        }
        if (extracted.isSpreadsheet()) {
            return Layout.ROWS;
        }
        return extracted.speakerCues().isEmpty() ? Layout.AUTO : Layout.TRANSCRIPT;
    }
}
