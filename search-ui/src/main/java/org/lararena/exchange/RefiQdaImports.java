package org.lararena.exchange;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.lararena.codebook.CodebookActions;
import org.lararena.coding.MemoStore;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.codebook.ChangeWords;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.web.Jobs;

/**
 * A researcher's REFI-QDA import, the same from the API and the pages: a QDPX project or a QDC codebook is read and
 * checked, planned with the researcher's {@code mapping}, and (unless only a preview is wanted) stored and audited;
 * imported documents go on to annotation and indexing. A project with more codings than
 * {@code LARARENA_IMPORT_JOB_CODINGS} is stored as a {@link Jobs job}. Blocking: callers run it on a worker.
 */
public final class RefiQdaImports {

    private static final String IMPORT_JOB = "import_qdpx";

    private final Vertx vertx;
    private final QdpxImport importer;
    private final QdpxReader reader;
    private final AuditLog audit;
    private final Jobs jobs;
    private final int jobCodings;

    /** What an import answers: 200 with the summary or the preview, or 202 with the job that stores it. */
    public record Outcome(int status, JsonObject answer) {
    }

    public RefiQdaImports(Vertx vertx, DocumentStore documents, AnnotationStore annotations, MemoStore memos, CodebookActions codebook,
                          AuditLog audit, Jobs jobs, LararenaConfig.Exchange limits, int maxMemoChars, Path workDir) {
        this.vertx = Objects.requireNonNull(vertx);
        this.audit = Objects.requireNonNull(audit);
        this.jobs = Objects.requireNonNull(jobs);
        this.jobCodings = limits.jobCodings();
        this.importer = new QdpxImport(documents, annotations, memos, codebook, maxMemoChars, workDir);
        this.reader = new QdpxReader(limits.maxUnpackedBytes(), limits.schema(), limits.codebookSchema());
    }

    /** A file of {@code format}: its preview, or its import. */
    public Outcome run(ImportFormat format, String username, Path file, String filename, Map<String, String> mapping, boolean preview) {
        return switch (format) {
            case QDPX -> project(username, file, filename, mapping, preview);
            case QDC -> codebook(username, file, filename, mapping, preview);
        };
    }

    /** A QDPX project: its preview, or its import (as a job when large). */
    private Outcome project(String username, Path file, String filename, Map<String, String> mapping, boolean preview) {
        QdpxProject project = reader.read(file);
        QdpxImport.Plan plan = importer.plan(project, mapping, username);
        if (preview) {
            return new Outcome(200, plan.preview());
        }
        if (plan.codings() > jobCodings) {
            // Long work is a job: the file is read and checked (bad input was refused above); the writes follow.
            Jobs.Job job = jobs.startReporting(IMPORT_JOB, username, progress -> {
                progress.accept(progress(0, plan.codings()));
                return applyProject(plan, username, filename, done -> progress.accept(progress(done, plan.codings())));
            });
            return new Outcome(202, job.toJson());
        }
        return new Outcome(200, applyProject(plan, username, filename, done -> { }));
    }

    /**
     * A QDC codebook: its codes become concepts of the growing codebook (a code that matches a concept by GUID or label
     * is mapped to it instead), all in one change, unless {@code mapping} says otherwise. Answers
     * {@code {codes, created, matched, skipped, warnings}}, or the preview.
     */
    private Outcome codebook(String username, Path file, String filename, Map<String, String> mapping, boolean preview) {
        QdpxProject codebook = reader.readCodebook(file, filename);
        QdpxImport.Plan plan = importer.plan(codebook, mapping, username, QdpxImport.CREATE);
        if (preview) {
            return new Outcome(200, plan.preview());
        }
        QdpxImport.Applied applied = importer.apply(plan, username,
                new ChangeWords("QDC-filen " + ChangeWords.quotedSv(filename), "the QDC file " + ChangeWords.quotedEn(filename)), done -> { });
        long matched = plan.codes().stream().filter(c -> c.concept() != null).count();
        JsonObject summary = new JsonObject().put("codes", plan.codes().size()).put("created", applied.summary().getInteger("created"))
                .put("matched", matched).put("skipped", plan.codes().size() - matched - plan.created().size())
                .put("warnings", applied.summary().getJsonArray("warnings"));
        audit.record(username, "import_qdc", null, summary.copy().put("filename", filename).put("warnings", summary.getJsonArray("warnings").size()));
        return new Outcome(200, summary);
    }

    /** Stores the plan, audits it and sends the new documents on to annotation and indexing; the summary. */
    private JsonObject applyProject(QdpxImport.Plan plan, String username, String filename, LongConsumer codingsDone) {
        QdpxImport.Applied applied = importer.apply(plan, username,
                new ChangeWords("QDPX-importen av " + ChangeWords.quotedSv(filename), "the QDPX import of " + ChangeWords.quotedEn(filename)), codingsDone);
        audit.record(username, "import_qdpx", null, applied.summary().copy().put("filename", filename)
                .put("warnings", applied.summary().getJsonArray("warnings").size()));
        applied.extracted().forEach((id, passages) -> new DocumentExtracted(id, passages).send(vertx.eventBus()));
        applied.received().forEach(id -> DocumentReceived.submit(vertx.eventBus(), id));
        return applied.summary();
    }

    private static JsonObject progress(long done, long total) {
        return new JsonObject().put("codings", done).put("of", total);
    }

    /** The researcher's mapping: a JSON object from code GUID to a concept IRI, {@code "create"} or {@code "skip"}. */
    public static Map<String, String> mapping(String json) {
        Map<String, String> mapping = new HashMap<>();
        if (json == null || json.isBlank()) {
            return mapping;
        }
        try {
            JsonObject object = new JsonObject(json);
            for (String guid : object.fieldNames()) {
                if (!(object.getValue(guid) instanceof String target)) {
                    throw LararenaException.badRequest("mapping: the value for code " + guid + " must be a concept IRI, \"create\" or \"skip\"");
                }
                mapping.put(ExchangeGuids.normalised(guid), target);
            }
            return mapping;
        } catch (DecodeException | ClassCastException e) {
            throw LararenaException.badRequest("mapping must be a JSON object from code GUID to concept IRI, \"create\" or \"skip\"");
        }
    }
}
