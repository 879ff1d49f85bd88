package org.lararena.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.lararena.codebook.CodebookActions;
import org.lararena.coding.MemoStore;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.codebook.ChangeWords;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaException;

/**
 * Brings a {@link QdpxProject} (or a QDC codebook read as one) into Lärarena in two steps. {@link #plan} checks
 * everything and decides everything without writing: which concept each code maps to (the researcher's choice in
 * {@code mapping}, else its GUID is a Lärarena concept's, else its name is a concept's label or synonym), which codes
 * become new concepts ({@value #CREATE}: checked by the codebook's rules already here), which coder each coding belongs
 * to, which passage each selection falls on; a selection outside its source is a 400 and nothing is written.
 * {@link #apply} then creates the new concepts in one change of the codebook, and stores the documents (restricted:
 * imported material is treated as confidential), their passages, the codings as manual annotations in bounded write
 * transactions, and the notes as memos. Blocking.
 */
final class QdpxImport {

    /** A coder whose name is a Keycloak username (lower case) is that account; any other name is an external coder. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,254}");
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("[\\p{Ll}-]{1,40}");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    static final String SKIP = "skip";
    /** A mapping that makes the code a new concept of the growing codebook. */
    static final String CREATE = "create";
    /** Colours as the codebook keeps them; REFI-QDA writes {@code #RRGGBB}. */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final MemoStore memos;
    private final Ontology ontology;
    private final CodebookActions codebook;
    private final int maxMemoChars;
    private final Path workDir;

    /** @param codebook where codes mapped to {@value #CREATE} become concepts; its ontology is the one codes map to */
    QdpxImport(DocumentStore documents, AnnotationStore annotations, MemoStore memos, CodebookActions codebook, int maxMemoChars, Path workDir) {
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.memos = Objects.requireNonNull(memos);
        this.codebook = Objects.requireNonNull(codebook);
        this.ontology = codebook.ontology();
        this.maxMemoChars = maxMemoChars;
        this.workDir = Objects.requireNonNull(workDir);
    }

    /**
     * How one code of the file maps: to a concept (and why: {@code chosen}, {@code guid}, {@code label}), to a new
     * concept ({@value #CREATE}: {@code concept} is null and {@code createdIri} the IRI it will get), or to none
     * ({@value #SKIP}, {@code none}: its codings are skipped).
     */
    record CodeMapping(QdpxProject.Code code, String path, Concept concept, String match, int codings, String createdIri) {
        CodeMapping(QdpxProject.Code code, String path, Concept concept, String match, int codings) {
            this(code, path, concept, match, codings, null);
        }

        String conceptIri() {
            return concept != null ? concept.iri() : createdIri;
        }

        JsonObject toJson() {
            return new JsonObject().put("guid", code.guid()).put("name", code.name()).put("path", path).put("codings", codings)
                    .put("match", match).put("concept", concept != null
                            ? new JsonObject().put("iri", concept.iri()).put("label", concept.labelSv())
                            : createdIri != null ? new JsonObject().put("iri", createdIri).put("label", code.name().strip()).put("new", true) : null);
        }
    }

    /** A coding, on one passage: {@code [start, end)} in code points of the passage. */
    record PlannedAnnotation(int passage, int start, int end, String conceptIri, String coder) {
    }

    record PlannedMemo(int passage, String text, String author) {
    }

    record PlannedSource(QdpxProject.Source source, List<PlannedAnnotation> annotations, List<PlannedMemo> memos, int codings) {
    }

    /** Everything the import will do, decided and checked. */
    record Plan(List<CodeMapping> codes, List<Codebook.NewConcept> created, Map<String, String> coders, List<PlannedSource> sources,
                List<String> warnings) {

        int codings() {
            return sources.stream().mapToInt(PlannedSource::codings).sum();
        }


        /** The preview a researcher confirms: each code's mapping, the coders, how much would be imported. */
        JsonObject preview() {
            JsonArray codeList = new JsonArray();
            codes.forEach(code -> codeList.add(code.toJson()));
            JsonArray coderList = new JsonArray();
            coders.forEach((name, coder) -> coderList.add(new JsonObject().put("name", name).put("coder", coder)
                    .put("account", USERNAME.matcher(coder).matches())));
            return new JsonObject().put("codes", codeList).put("coders", coderList).put("documents", sources.size())
                    .put("codings", codings()).put("created", created.size())
                    .put("memos", sources.stream().mapToInt(s -> s.memos().size()).sum()).put("warnings", new JsonArray(warnings));
        }
    }

    /**
     * What was stored.
     *
     * @param extracted documents whose passages are stored, with those passages, to be annotated and indexed
     * @param received documents stored as rich text, to go through extraction
     */
    record Applied(JsonObject summary, Map<String, JsonArray> extracted, List<String> received) {
    }

    /**
     * Decides the import of a QDPX project: a code that matches no concept is left out unless {@code mapping} says
     * otherwise. 400 for a selection outside its source or a {@code mapping} naming an unknown concept; 409 when the
     * codes to create break a rule of the codebook.
     *
     * @param mapping the researcher's choices by code GUID: a concept IRI, {@value #CREATE} or {@value #SKIP} (may be empty)
     */
    Plan plan(QdpxProject project, Map<String, String> mapping, String importer) {
        return plan(project, mapping, importer, null);
    }

    /**
     * As {@link #plan(QdpxProject, Map, String)}; {@code unmatched} is what becomes of a code that matches no concept
     * and that {@code mapping} does not name: null (left out), or {@value #CREATE} (a codebook brought in).
     */
    Plan plan(QdpxProject project, Map<String, String> mapping, String importer, String unmatched) {
        List<String> warnings = new ArrayList<>(project.warnings());
        Map<String, Integer> codingsPerCode = new HashMap<>();
        project.sources().forEach(s -> s.selections().forEach(sel -> sel.codings().forEach(c -> codingsPerCode.merge(c.codeGuid(), 1, Integer::sum))));
        List<CodeMapping> codes = mapCodes(project, mapping, codingsPerCode, unmatched);
        List<Codebook.NewConcept> created = newConcepts(project, codes);
        Map<String, String> createdIris = created.isEmpty() ? Map.of() : codebook.check(created);
        codes.replaceAll(c -> CREATE.equals(c.match())
                ? new CodeMapping(c.code(), c.path(), null, CREATE, c.codings(), createdIris.get(c.code().guid())) : c);
        Map<String, String> conceptOfCode = new HashMap<>();
        for (CodeMapping mapped : codes) {
            if (mapped.conceptIri() != null) {
                conceptOfCode.put(mapped.code().guid(), mapped.conceptIri());
            } else if (mapped.codings() > 0) {
                warnings.add("code '" + mapped.path() + "' " + (SKIP.equals(mapped.match()) ? "was skipped" : "matches no concept of Lärarena")
                        + ": its " + mapped.codings() + " coding(s) were not imported");
            }
        }
        Map<String, String> coders = new LinkedHashMap<>();
        Map<String, Integer> notePassages = new HashMap<>();
        Map<String, Integer> noteSource = new HashMap<>();
        List<PlannedSource> planned = new ArrayList<>();
        for (int s = 0; s < project.sources().size(); s++) {
            QdpxProject.Source source = project.sources().get(s);
            if (source.text() == null) {
                if (source.richText() != null) {
                    planned.add(new PlannedSource(source, List.of(), List.of(), 0));
                    warnings.add("source '" + source.name() + "' has only rich text (" + source.richTextName() + "), no plain text: it"
                            + " goes through the normal extraction" + (source.selections().isEmpty() ? ""
                            : ", and its " + source.selections().size() + " selection(s) were not imported (their positions need the plain text)"));
                }
                continue;
            }
            if (source.text().passages().isEmpty()) {
                warnings.add("source '" + source.name() + "' has no text, so it was left out");
                continue;
            }
            boolean crlfAsOne = countsCrlfAsOne(source);
            if (crlfAsOne) {
                warnings.add("source '" + source.name() + "': positions count a CRLF line break as one character (as the coded texts show);"
                        + " they were read that way");
            }
            List<PlannedAnnotation> planAnnotations = new ArrayList<>();
            int codings = 0;
            for (QdpxProject.Selection selection : source.selections()) {
                int[] span = position(source, selection, crlfAsOne);
                List<int[]> onPassages = onPassages(source.text(), span[0], span[1]);
                for (String note : selection.noteRefs()) {
                    notePassages.putIfAbsent(note, onPassages.isEmpty() ? nearestPassage(source.text(), span[0]) : onPassages.get(0)[0]);
                    noteSource.putIfAbsent(note, s);
                }
                for (QdpxProject.Coding coding : selection.codings()) {
                    String concept = conceptOfCode.get(coding.codeGuid());
                    if (concept == null) {
                        if (project.code(coding.codeGuid()).isEmpty()) {
                            warnings.add("a coding in '" + source.name() + "' names code " + coding.codeGuid() + ", which the codebook lacks: skipped");
                        }
                        continue;
                    }
                    if (onPassages.isEmpty()) {
                        warnings.add("a selection in '" + source.name() + "' covers only white space between passages: skipped");
                        continue;
                    }
                    String coder = coder(project, coding.creatingUser() != null ? coding.creatingUser() : selection.creatingUser(), importer, coders);
                    for (int[] part : onPassages) {
                        planAnnotations.add(new PlannedAnnotation(part[0], part[1], part[2], concept, coder));
                    }
                    codings++;
                }
            }
            for (String note : source.noteRefs()) {
                notePassages.putIfAbsent(note, 0);
                noteSource.putIfAbsent(note, s);
            }
            planned.add(new PlannedSource(source, planAnnotations, new ArrayList<>(), codings));
        }
        int unattached = 0;
        for (QdpxProject.Note note : project.notes()) {
            Integer passage = notePassages.get(note.guid());
            Optional<PlannedSource> source = Optional.ofNullable(noteSource.get(note.guid())).map(project.sources()::get)
                    .flatMap(s -> planned.stream().filter(p -> p.source() == s && p.source().text() != null).findFirst());
            if (passage == null || source.isEmpty()) {
                unattached++;
            } else if (note.text() == null || note.text().isBlank()) {
                warnings.add("note '" + note.name() + "' is empty: skipped");
            } else if (note.text().length() > maxMemoChars) {
                warnings.add("note '" + note.name() + "' has " + note.text().length() + " characters, more than a memo may hold ("
                        + maxMemoChars + ", LARARENA_MAX_MEMO_CHARS): skipped");
            } else {
                source.get().memos().add(new PlannedMemo(passage, note.text(), coder(project, note.creatingUser(), importer, coders)));
            }
        }
        if (unattached > 0) {
            warnings.add(unattached + " note(s) not attached to a text (of the project, a code or a source left out) were not imported:"
                    + " Lärarena keeps memos on passages");
        }
        return new Plan(codes, created, coders, planned, warnings);
    }

    /** Stores what the plan says; see {@link #apply(Plan, String, ChangeWords, LongConsumer)}. */
    Applied apply(Plan plan, String importer) {
        return apply(plan, importer, new ChangeWords("en REFI-QDA-import", "a REFI-QDA import"), done -> { });
    }

    /**
     * Stores what the plan says. The new concepts come first, in one change of the codebook (all or none: a refusal
     * there stores nothing); then each document, its codings in write transactions of {@link AnnotationStore#MANUAL_BATCH}
     * annotations, and its memos.
     *
     * @param origin the change log's words for where new concepts came from
     * @param codingsDone told the number of codings stored so far, after each batch
     */
    Applied apply(Plan plan, String importer, ChangeWords origin, LongConsumer codingsDone) {
        Map<String, String> createdIris = codebook.addAll(importer, plan.created(), origin);
        // Another change between plan and apply may have taken an IRI the plan expected: follow the codebook's answer.
        Map<String, String> actualIri = new HashMap<>();
        plan.codes().stream().filter(c -> c.createdIri() != null)
                .forEach(c -> actualIri.put(c.createdIri(), createdIris.getOrDefault(c.code().guid(), c.createdIri())));
        long codingsWritten = 0;
        int documentsStored = 0;
        int codings = 0;
        int memosStored = 0;
        List<String> warnings = new ArrayList<>(plan.warnings());
        Map<String, JsonArray> extracted = new LinkedHashMap<>();
        List<String> received = new ArrayList<>();
        for (PlannedSource planned : plan.sources()) {
            QdpxProject.Source source = planned.source();
            if (source.text() == null) {
                DocumentRecord record = store(source.richText(), source.richTextName(), source, importer);
                if (record.status() == DocumentStatus.QUEUED) {
                    received.add(record.id());
                    documentsStored++;
                }
                continue;
            }
            DocumentRecord record = store(source.text().text().getBytes(StandardCharsets.UTF_8), textFileName(source.name()), source, importer);
            String documentId;
            List<String> passageIds;
            Set<String> existing = new HashSet<>();
            if (record.status() == DocumentStatus.DUPLICATE) {
                documentId = record.duplicateOf();
                Optional<List<String>> samePassages = samePassages(documentId, source.text());
                if (samePassages.isEmpty()) {
                    warnings.add("source '" + source.name() + "' is already in Lärarena as another document, cut into other passages:"
                            + " its codings and notes were not imported");
                    continue;
                }
                passageIds = samePassages.get();
                annotations.annotationsOf(documentId).stream().filter(a -> a.manual() && a.state().isActive())
                        .forEach(a -> existing.add(key(a.passageId(), a.start(), a.end(), a.conceptIri(), a.creator())));
                warnings.add("source '" + source.name() + "' is already in Lärarena; its codings were added to that document,"
                        + " leaving out those it already has");
            } else {
                documentId = record.id();
                JsonArray passages = passagesJson(source.text());
                documents.savePassages(documentId, new DocumentExtracted(documentId, passages).toJson()
                        .put("text", source.text().text()).put("extractedText", source.text().text()));
                // Past extraction: a restart resumes it from its stored passages, never extracting the text again.
                documents.update(documentId, current -> current.withPassages(passages.size()).withStatus(DocumentStatus.ANNOTATING, null));
                passageIds = new ArrayList<>();
                for (int i = 0; i < passages.size(); i++) {
                    passageIds.add(documentId + "-" + i);
                }
                extracted.put(documentId, passages);
                documentsStored++;
            }
            List<AnnotationStore.ManualTag> batch = new ArrayList<>();
            for (PlannedAnnotation annotation : planned.annotations()) {
                String passageId = passageIds.get(annotation.passage());
                String conceptIri = actualIri.getOrDefault(annotation.conceptIri(), annotation.conceptIri());
                if (existing.add(key(passageId, annotation.start(), annotation.end(), conceptIri, annotation.coder()))) {
                    batch.add(new AnnotationStore.ManualTag(new PassageText(passageId, source.text().passages().get(annotation.passage()).text()),
                            annotation.start(), annotation.end(), conceptIri, annotation.coder()));
                }
                if (batch.size() >= AnnotationStore.MANUAL_BATCH) {
                    annotations.addManual(documentId, batch, ontology.version());
                    codingsWritten += batch.size();
                    codingsDone.accept(codingsWritten);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                annotations.addManual(documentId, batch, ontology.version());
                codingsWritten += batch.size();
                codingsDone.accept(codingsWritten);
            }
            codings += planned.codings();
            for (PlannedMemo memo : planned.memos()) {
                memos.add(passageIds.get(memo.passage()), memo.text(), memo.author());
                memosStored++;
            }
        }
        JsonObject summary = new JsonObject().put("documents", documentsStored).put("created", createdIris.size())
                // the concepts the imported codings use (a codebook maps many more codes than a project uses)
                .put("concepts", (int) plan.sources().stream().flatMap(p -> p.annotations().stream()).map(PlannedAnnotation::conceptIri)
                        .distinct().count())
                .put("codings", codings).put("memos", memosStored).put("warnings", new JsonArray(warnings));
        return new Applied(summary, extracted, received);
    }

    private DocumentRecord store(byte[] content, String filename, QdpxProject.Source source, String importer) {
        try {
            Files.createDirectories(workDir);
            Path temp = Files.createTempFile(workDir, "qdpx-source-", ".tmp");
            try {
                Files.write(temp, content);
                return documents.store(temp, filename, fields(source), importer);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an imported source could not be stored", e);
        }
    }

    /** Title, type, pilot and date from the source's name and the variables Lärarena writes; always restricted. */
    private static DocumentStore.UploadFields fields(QdpxProject.Source source) {
        String type = source.variables().get(QdpxExport.TYPE);
        String date = source.variables().get(QdpxExport.DATE);
        String pilot = source.variables().get(QdpxWriter.PILOT);
        return new DocumentStore.UploadFields(source.name().length() > 500 ? source.name().substring(0, 500) : source.name(),
                type != null && DOCUMENT_TYPE.matcher(type).matches() ? type : null,
                pilot != null && pilot.length() <= 100 ? pilot : null,
                date != null && DATE.matcher(date).matches() ? date : null, Visibility.RESTRICTED);
    }

    private static String textFileName(String name) {
        String base = name.replaceAll("[/\\\\]", "_");
        return base.toLowerCase(Locale.ROOT).endsWith(".txt") ? base : base + ".txt";
    }

    private static JsonArray passagesJson(SourceText text) {
        JsonArray passages = new JsonArray();
        for (int i = 0; i < text.passages().size(); i++) {
            SourceText.Span span = text.passages().get(i);
            passages.add(new JsonObject().put("ordinal", i).putNull("page").putNull("speaker").put("text", span.text())
                    .put("start", span.startChar()).put("end", span.startChar() + span.text().length()));
        }
        return passages;
    }

    /** The passage ids of an earlier document when its passages are exactly this text's. */
    private Optional<List<String>> samePassages(String documentId, SourceText text) {
        JsonArray passages = documents.passages(documentId).map(p -> p.getJsonArray("passages", new JsonArray())).orElse(new JsonArray());
        if (passages.size() != text.passages().size()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            if (!text.passages().get(i).text().equals(passage.getString("text"))) {
                return Optional.empty();
            }
            ids.add(documentId + "-" + passage.getInteger("ordinal"));
        }
        return Optional.of(ids);
    }

    private static String key(String passageId, int start, int end, String concept, String coder) {
        return passageId + "|" + start + "|" + end + "|" + concept + "|" + coder;
    }

    /** Each code's mapping, in the file's order (a parent before its children); those to create without their IRI yet. */
    private List<CodeMapping> mapCodes(QdpxProject project, Map<String, String> mapping, Map<String, Integer> codingsPerCode, String unmatched) {
        List<CodeMapping> codes = new ArrayList<>();
        for (QdpxProject.Code code : project.codes()) {
            CodeMapping mapped = map(project, code, mapping.get(code.guid()), codingsPerCode.getOrDefault(code.guid(), 0));
            if (mapped.match().equals("none") && unmatched != null) {
                mapped = map(project, code, unmatched, mapped.codings());
            }
            codes.add(mapped);
        }
        return codes;
    }

    /**
     * The concepts the codes mapped to {@value #CREATE} become: under the concept their parent code maps to, under
     * their parent's new concept, or (a top code, or one whose parent is skipped or unmatched) as a new top theme.
     */
    private static List<Codebook.NewConcept> newConcepts(QdpxProject project, List<CodeMapping> codes) {
        Map<String, CodeMapping> byGuid = new HashMap<>();
        codes.forEach(c -> byGuid.put(c.code().guid(), c));
        List<Codebook.NewConcept> created = new ArrayList<>();
        for (CodeMapping mapped : codes) {
            if (!CREATE.equals(mapped.match())) {
                continue;
            }
            QdpxProject.Code code = mapped.code();
            CodeMapping parent = code.parentGuid() == null ? null : byGuid.get(code.parentGuid());
            String broaderIri = parent != null && parent.concept() != null ? parent.concept().iri() : null;
            String broaderKey = parent != null && CREATE.equals(parent.match()) ? parent.code().guid() : null;
            String description = code.description() == null || code.description().isBlank()
                    ? "Kod ur REFI-QDA-projektet " + quoted(project.name()) + " (" + mapped.path() + ")."
                    : code.description().strip();
            String colour = code.color() == null ? null : code.color().strip().toLowerCase(Locale.ROOT);
            created.add(new Codebook.NewConcept(code.guid(), broaderIri, broaderKey, new ConceptDraft(code.name().strip(), null, description,
                    List.of(), colour != null && COLOUR.matcher(colour).matches() ? colour : null, null)));
        }
        return created;
    }

    private static String quoted(String name) {
        return ChangeWords.quotedSv(name == null || name.isBlank() ? "namnlöst" : name.strip());
    }

    private CodeMapping map(QdpxProject project, QdpxProject.Code code, String chosen, int codings) {
        String path = project.path(code);
        if (chosen != null) {
            if (SKIP.equals(chosen)) {
                return new CodeMapping(code, path, null, SKIP, codings);
            }
            if (CREATE.equals(chosen)) {
                if (code.name() == null || code.name().isBlank()) {
                    throw LararenaException.badRequest("mapping: code " + code.guid() + " has no name, so no concept can be made of it:"
                            + " map it to a concept or skip it");
                }
                return new CodeMapping(code, path, null, CREATE, codings);
            }
            Concept concept = ontology.concept(chosen).filter(c -> c.scheme().equals(LAR.Teman.getURI()))
                    .orElseThrow(() -> LararenaException.badRequest("mapping: code '" + path + "' is mapped to '" + chosen
                            + "', which is not a concept of the theme scheme (give a concept IRI, \"create\" or \"skip\")"));
            return new CodeMapping(code, path, concept, "chosen", codings);
        }
        List<Concept> themes = ontology.concepts(LAR.Teman.getURI());
        Optional<Concept> byGuid = themes.stream().filter(c -> ExchangeGuids.concept(c.iri()).equals(code.guid())).findFirst();
        if (byGuid.isPresent()) {
            return new CodeMapping(code, path, byGuid.get(), "guid", codings);
        }
        String name = SwedishText.fold(code.name().strip());
        Optional<Concept> byLabel = themes.stream().filter(c -> c.prefLabels().values().stream().anyMatch(l -> SwedishText.fold(l).equals(name)))
                .findFirst()
                .or(() -> themes.stream().filter(c -> c.altLabels().stream().anyMatch(l -> SwedishText.fold(l.text()).equals(name))).findFirst());
        return byLabel.map(c -> new CodeMapping(code, path, c, "label", codings)).orElseGet(() -> new CodeMapping(code, path, null, "none", codings));
    }

    /**
     * The Lärarena name of a coder: the account when the file's name is a username, else the name as the file writes
     * it (an external coder). A name that could pass for the neutral agent everyone else sees is marked external.
     */
    private static String coder(QdpxProject project, String userGuid, String importer, Map<String, String> coders) {
        String name = userGuid == null ? null : project.users().get(userGuid);
        if (name == null || name.isBlank()) {
            return importer;
        }
        String stripped = name.strip();
        String coder = USERNAME.matcher(stripped).matches() ? stripped
                : stripped.equalsIgnoreCase(PersonAgents.NEUTRAL_NAME) ? stripped + " (extern)" : stripped;
        coders.put(name, coder);
        return coder;
    }

    /**
     * Whether a source's positions count CRLF as one character: only when its text has CRLF and the selections' names
     * (the coded text, as most tools write it) fit that count better than the standard's.
     */
    private static boolean countsCrlfAsOne(QdpxProject.Source source) {
        SourceText text = source.text();
        if (!text.hasCrlf()) {
            return false;
        }
        int standard = 0;
        int crlfAsOne = 0;
        int length = text.codePoints();
        for (QdpxProject.Selection selection : source.selections()) {
            if (selection.name() == null || selection.name().isBlank() || selection.start() < 0 || selection.end() > Integer.MAX_VALUE) {
                continue;
            }
            int start = (int) selection.start();
            int end = (int) selection.end();
            if (start < end && end <= length && text.slice(start, end).strip().equals(selection.name().strip())) {
                standard++;
            }
            int shiftedStart = text.fromCrlfAsOne(start);
            int shiftedEnd = text.fromCrlfAsOne(end);
            if (shiftedStart < shiftedEnd && shiftedEnd <= length && text.slice(shiftedStart, shiftedEnd).strip().equals(selection.name().strip())) {
                crlfAsOne++;
            }
        }
        return crlfAsOne > standard;
    }

    /** The selection in code points of the source text; 400 when it lies outside it. */
    private static int[] position(QdpxProject.Source source, QdpxProject.Selection selection, boolean crlfAsOne) {
        long length = source.text().codePoints();
        long start = selection.start();
        long end = selection.end();
        if (crlfAsOne && start >= 0 && end <= Integer.MAX_VALUE && start <= end) {
            start = source.text().fromCrlfAsOne((int) start);
            end = source.text().fromCrlfAsOne((int) end);
        }
        if (start < 0 || end < start || end > length) {
            throw LararenaException.badRequest("selection " + selection.guid() + " of source '" + source.name() + "' runs from "
                    + selection.start() + " to " + selection.end() + ", outside its text of " + length + " characters (code points):"
                    + " nothing was imported");
        }
        return new int[] {(int) start, (int) end};
    }

    /** The parts of {@code [start, end)} on each passage: {passage index, start, end} in code points of the passage. */
    private static List<int[]> onPassages(SourceText text, int start, int end) {
        List<int[]> parts = new ArrayList<>();
        for (int i = 0; i < text.passages().size(); i++) {
            SourceText.Span span = text.passages().get(i);
            int from = Math.max(start, span.startCodePoint());
            int to = Math.min(end, span.endCodePoint());
            if (from < to) {
                parts.add(new int[] {i, from - span.startCodePoint(), to - span.startCodePoint()});
            }
        }
        return parts;
    }

    private static int nearestPassage(SourceText text, int position) {
        int nearest = 0;
        for (int i = 0; i < text.passages().size(); i++) {
            if (text.passages().get(i).startCodePoint() <= position) {
                nearest = i;
            }
        }
        return nearest;
    }
}
