package org.lararena.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.lararena.coding.Memo;
import org.lararena.coding.MemoStore;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Lärarena's documents, codings and memos as a {@link QdpxProject}: each document one text source (its passages in
 * NFC, joined by {@link SourceText#PASSAGE_BREAK}), the theme scheme as the codebook, each researcher's accepted manual
 * annotations as selections with one coding, each memo a note referenced from a selection over its passage. Blocking.
 */
final class QdpxExport {

    /** Variables every source carries when Lärarena knows them. */
    static final String TYPE = "Dokumenttyp";
    static final String DATE = "Datum";
    private static final String PSEUDONYM = "Kodare ";
    /** The user the document's consensus is exported as (a user of its own, as the standard has no other place for it). */
    static final String CONSENSUS_USER = "Konsensus";
    /** One colour per top theme (narrower concepts take their top theme's), from a palette readable on white. */
    private static final List<String> PALETTE = List.of("#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
            "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF");

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final MemoStore memos;
    private final Ontology ontology;

    QdpxExport(DocumentStore documents, AnnotationStore annotations, MemoStore memos, Ontology ontology) {
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.memos = Objects.requireNonNull(memos);
        this.ontology = Objects.requireNonNull(ontology);
    }

    /** The theme scheme as nested codes: GUIDs from the concept IRIs, the Swedish label, the definition, a colour. */
    List<QdpxProject.Code> codebook() {
        List<QdpxProject.Code> codes = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Concept> tops = ontology.topThemes();
        for (int i = 0; i < tops.size(); i++) {
            addCode(tops.get(i), null, PALETTE.get(i % PALETTE.size()), codes, placed);
        }
        return codes;
    }

    /** A concept and, below it, its narrower concepts; a concept with two broader ones is placed once, under the first. */
    private void addCode(Concept concept, String parentGuid, String colour, List<QdpxProject.Code> codes, Set<String> placed) {
        if (!concept.scheme().equals(LAR.Teman.getURI()) || !placed.add(concept.iri())) {
            return;
        }
        String guid = ExchangeGuids.concept(concept.iri());
        codes.add(new QdpxProject.Code(guid, concept.labelSv(), concept.definition("sv").or(() -> concept.definition("en")).orElse(null),
                colour, parentGuid));
        concept.narrower().stream().map(ontology::concept).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Concept::labelSv))
                .forEach(narrower -> addCode(narrower, guid, colour, codes, placed));
    }

    /** The project of these documents; with {@code pseudonyms}, coders are "Kodare 1", "Kodare 2"… with GUIDs of this export only. */
    QdpxProject project(String name, List<DocumentRecord> records, boolean pseudonyms) {
        List<QdpxProject.Code> codebook = codebook();
        Set<String> codeGuids = new HashSet<>();
        codebook.forEach(code -> codeGuids.add(code.guid()));
        Map<String, String> userGuids = new HashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        AtomicInteger pseudonymsGiven = new AtomicInteger();
        Function<String, String> userGuid = username -> userGuids.computeIfAbsent(username, u -> {
            // The consensus is no person: it keeps its name and GUID under pseudonyms too.
            boolean hidden = pseudonyms && !u.equals(CONSENSUS_USER);
            String guid = hidden ? UUID.randomUUID().toString() : ExchangeGuids.user(u);
            users.put(guid, hidden ? PSEUDONYM + pseudonymsGiven.incrementAndGet() : u);
            return guid;
        });
        List<QdpxProject.Source> sources = new ArrayList<>();
        List<QdpxProject.Note> notes = new ArrayList<>();
        for (DocumentRecord record : records) {
            JsonArray passages = documents.passages(record.id()).map(p -> p.getJsonArray("passages", new JsonArray())).orElse(new JsonArray());
            List<String> passageIds = new ArrayList<>();
            List<String> originals = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                JsonObject passage = passages.getJsonObject(i);
                passageIds.add(record.id() + "-" + passage.getInteger("ordinal"));
                originals.add(passage.getString("text", ""));
            }
            SourceText text = SourceText.joined(originals.stream().map(QdpxExport::nfc).toList());
            List<QdpxProject.Selection> selections = new ArrayList<>();
            List<StoredAnnotation> all = annotations.annotationsOf(record.id());
            // A researcher's own tags, as their coding.
            for (StoredAnnotation annotation : all) {
                if (annotation.manual() && annotation.state() == ReviewState.ACCEPTED) {
                    addCoding(selections, annotation, annotation.id(), userGuid.apply(annotation.creator()), passageIds, originals, text, codeGuids);
                }
            }
            // The suggestions each researcher accepted, as that researcher's coding.
            Map<String, List<Decision>> decisions = annotations.decisions(record.id());
            Set<String> coders = new TreeSet<>();
            decisions.values().forEach(list -> list.forEach(d -> coders.add(d.coder())));
            coders.remove(AnnotationIris.ANNOTATOR_CODER);
            for (String coder : coders) {
                for (StoredAnnotation annotation : CoderView.of(all, decisions, coder)) {
                    if (!annotation.manual() && CoderView.applied(annotation, coder)) {
                        addCoding(selections, annotation, annotation.id() + "/" + coder, userGuid.apply(coder), passageIds, originals, text, codeGuids);
                    }
                }
            }
            // The consensus, as a user of its own.
            annotations.consensus(record.id()).ifPresent(consensus -> {
                for (StoredAnnotation annotation : all) {
                    if (consensus.annotationIds().contains(annotation.id()) && annotation.state() != ReviewState.RETRACTED) {
                        addCoding(selections, annotation, annotation.id() + "/" + CoderView.CONSENSUS, userGuid.apply(CONSENSUS_USER),
                                passageIds, originals, text, codeGuids);
                    }
                }
            });
            for (int i = 0; i < passageIds.size(); i++) {
                SourceText.Span span = text.passages().get(i);
                for (Memo memo : memos.of(passageIds.get(i))) {
                    String author = userGuid.apply(memo.author());
                    String noteGuid = ExchangeGuids.memo(memo.id());
                    notes.add(new QdpxProject.Note(noteGuid, noteName(memo.text()), memo.text(), author, memo.created().toString()));
                    selections.add(new QdpxProject.Selection(ExchangeGuids.memoSelection(memo.id()), null, span.startCodePoint(),
                            span.endCodePoint(), author, List.of(), List.of(noteGuid)));
                }
            }
            Map<String, String> variables = new LinkedHashMap<>();
            putIfKnown(variables, TYPE, record.type());
            putIfKnown(variables, QdpxWriter.PILOT, record.pilot());
            putIfKnown(variables, DATE, record.date());
            sources.add(new QdpxProject.Source(ExchangeGuids.document(record.id()), record.title() != null ? record.title() : record.filename(),
                    text, null, null, selections, List.of(), variables));
        }
        return new QdpxProject(name, QdpxWriter.ORIGIN, users, codebook, sources, notes, List.of());
    }

    /**
     * One coder's coding of an annotation's span with its concept, as a selection of the joined source text;
     * {@code key} makes its GUIDs (the annotation's id for a researcher's own tag, so they stay as they were).
     */
    private static void addCoding(List<QdpxProject.Selection> selections, StoredAnnotation annotation, String key, String coder,
                                  List<String> passageIds, List<String> originals, SourceText text, Set<String> codeGuids) {
        int index = passageIds.indexOf(annotation.passageId());
        String codeGuid = ExchangeGuids.concept(annotation.conceptIri());
        if (index < 0 || !codeGuids.contains(codeGuid)) {
            return;
        }
        SourceText.Span span = text.passages().get(index);
        int start = span.startCodePoint() + nfcOffset(originals.get(index), annotation.start());
        int end = span.startCodePoint() + nfcOffset(originals.get(index), annotation.end());
        selections.add(new QdpxProject.Selection(ExchangeGuids.selection(key), text.slice(start, end), start, end, coder,
                List.of(new QdpxProject.Coding(ExchangeGuids.coding(key), codeGuid, coder)), List.of()));
    }

    private static void putIfKnown(Map<String, String> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(name, value);
        }
    }

    private static String noteName(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.codePointCount(0, line.length()) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 60)) + "…";
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Where code point {@code offset} of {@code text} falls in its NFC form, in code points of that form. */
    static int nfcOffset(String text, int offset) {
        String before = text.substring(0, text.offsetByCodePoints(0, offset));
        String normalised = nfc(before);
        return normalised.codePointCount(0, normalised.length());
    }
}
