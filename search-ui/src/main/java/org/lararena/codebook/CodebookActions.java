package org.lararena.codebook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.codebook.ChangeWords;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.codebook.CodebookChange;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.web.Messages;

/**
 * What a researcher's change to the codebook does beyond the {@link Codebook} itself, the same from the API and the
 * Kodbok page: the followers are told (search follows moved annotations; the running ontology's SPARQL graph and
 * caches follow the new version), the change is audited, and the answer describes the concept. Blocking: callers run
 * it on a worker.
 */
public final class CodebookActions {

    /**
     * What a change of labels cannot do at once: the index's own synonym files are written from the shipped
     * ontology, and documents annotated earlier keep their suggestions until they are annotated again. The API says it
     * in Swedish; Kodbok in the reader's language (the message bundles' {@code codebook.labelsNotice}).
     */
    public static final String LABELS_NOTICE = Messages.SWEDISH.get("codebook.labelsNotice");

    private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv"));

    private final Codebook codebook;
    private final AnnotationStore annotations;
    private final AuditLog audit;
    private final BiConsumer<String, Set<String>> passagesChanged;
    private final Runnable ontologyChanged;
    private final SynonymProposals proposals;

    /**
     * @param passagesChanged told the passages whose annotations a merge moved (search follows them)
     * @param ontologyChanged run after every accepted change
     * @param proposals the synonyms the team's coding proposes
     */
    public CodebookActions(Codebook codebook, AnnotationStore annotations, AuditLog audit,
                           BiConsumer<String, Set<String>> passagesChanged, Runnable ontologyChanged, SynonymProposals proposals) {
        this.proposals = Objects.requireNonNull(proposals);
        this.codebook = Objects.requireNonNull(codebook);
        this.annotations = Objects.requireNonNull(annotations);
        this.audit = Objects.requireNonNull(audit);
        this.passagesChanged = Objects.requireNonNull(passagesChanged);
        this.ontologyChanged = Objects.requireNonNull(ontologyChanged);
    }

    /** The running ontology: the seed with every change, replaced in place by each. */
    public Ontology ontology() {
        return codebook.ontology();
    }

    /** The tree of the theme scheme, with the version and the conflicts found at start. */
    public JsonObject tree() {
        Ontology ontology = codebook.ontology().snapshot();
        Map<String, Long> counts = annotations.conceptCounts();
        JsonArray tops = new JsonArray();
        ontology.topThemes().forEach(top -> tops.add(node(ontology, top, counts)));
        return new JsonObject().put("version", ontology.version()).put("conflicts", new JsonArray(codebook.conflicts()))
                .put("concepts", tops);
    }

    /** The change log, newest first. */
    public JsonArray changes() {
        JsonArray list = new JsonArray();
        for (CodebookChange change : codebook.changes()) {
            list.add(new JsonObject().put("id", change.id()).put("kind", change.kind()).put("concept", change.conceptIri())
                    .put("user", change.username()).put("at", change.at().toString()).put("description", change.description()).put("descriptionEn", change.descriptionEn())
                    .put("version", change.version()));
        }
        return list;
    }

    public JsonObject add(Caller caller, String broaderIri, ConceptDraft draft) {
        Concept added = codebook.add(broaderIri, draft, caller.username());
        return changed(caller, "codebook_add", added.iri(), null);
    }

    /** Whether {@code concepts} could be added together (409 naming the rule if not); the IRIs they would get, by key. */
    public Map<String, String> check(List<Codebook.NewConcept> concepts) {
        return codebook.check(concepts);
    }

    /**
     * Adds {@code concepts} in one change (an import's new codes): all or none. Each is audited as {@code codebook_add}
     * with {@code source}; the followers are told once. Returns the IRI of each by key.
     */
    public Map<String, String> addAll(String username, List<Codebook.NewConcept> concepts, ChangeWords source) {
        if (concepts.isEmpty()) {
            return Map.of();
        }
        Map<String, String> iris = codebook.addAll(concepts, username, new ChangeWords("lade till " + concepts.size() + " begrepp från " + source.swedish(),
                "added " + concepts.size() + (concepts.size() == 1 ? " concept" : " concepts") + " from " + source.english()));
        ontologyChanged.run();
        String version = codebook.ontology().version();
        iris.values().forEach(iri -> audit.record(username, "codebook_add", iri, new JsonObject().put("version", version).put("source", source.swedish())));
        return iris;
    }

    /** Edits and, with {@code draft.broaderIri()}, moves a concept. */
    public JsonObject edit(Caller caller, String iri, ConceptDraft draft) {
        codebook.edit(iri, draft, caller.username());
        boolean onlyMoved = draft.labelSv() == null && draft.labelEn() == null && draft.definition() == null && draft.synonyms() == null
                && draft.colour() == null;
        return changed(caller, onlyMoved ? "codebook_move" : "codebook_edit", iri, null);
    }

    public JsonObject merge(Caller caller, String iri, String intoIri) {
        Map<String, Set<String>> moved = codebook.merge(iri, intoIri, caller.username());
        moved.forEach(passagesChanged);
        JsonObject movedJson = new JsonObject().put("documents", moved.size())
                .put("passages", moved.values().stream().mapToInt(Set::size).sum());
        return changed(caller, "codebook_merge", iri, new JsonObject().put("into", intoIri).put("moved", movedJson)).put("moved", movedJson);
    }

    public JsonObject deprecate(Caller caller, String iri) {
        codebook.deprecate(iri, caller.username());
        return changed(caller, "codebook_deprecate", iri, null);
    }

    /** The open synonym proposals ({@link SynonymProposals}), most tagged first. */
    public JsonArray proposals() {
        Ontology ontology = codebook.ontology().snapshot();
        JsonArray list = new JsonArray();
        proposals.open().forEach(p -> list.add(SynonymProposals.toJson(p, ontology.concept(p.conceptIri()))));
        return list;
    }

    /** Accepts a proposal: its words become a Swedish synonym of its concept, a codebook change like any edit. */
    public JsonObject acceptProposal(Caller caller, String id) {
        SynonymProposals.Proposal proposal = proposals.find(id);
        Concept concept = codebook.ontology().require(proposal.conceptIri());
        List<String> synonyms = new ArrayList<>();
        concept.altLabels().stream().filter(l -> l.language().equals("sv")).forEach(l -> synonyms.add(l.text()));
        synonyms.add(proposal.term());
        codebook.edit(proposal.conceptIri(), new ConceptDraft(null, null, null, synonyms, null, null), caller.username());
        return changed(caller, "codebook_proposal_accept", proposal.conceptIri(), new JsonObject().put("term", proposal.term()));
    }

    /** Rejects a proposal: it is remembered and not made again; the codebook stays as it is. */
    public JsonObject rejectProposal(Caller caller, String id) {
        SynonymProposals.Proposal proposal = proposals.reject(id);
        audit.record(caller.username(), "codebook_proposal_reject", proposal.conceptIri(), new JsonObject().put("term", proposal.term()));
        return new JsonObject().put("rejected", SynonymProposals.toJson(proposal, codebook.ontology().concept(proposal.conceptIri())));
    }

    /** After an accepted change: the followers, the audit entry, and the answer (the concept, the version, the notice). */
    private JsonObject changed(Caller caller, String action, String iri, JsonObject details) {
        ontologyChanged.run();
        Ontology ontology = codebook.ontology().snapshot();
        audit.record(caller.username(), action, iri, (details == null ? new JsonObject() : details).put("version", ontology.version()));
        return new JsonObject().put("concept", node(ontology, ontology.require(iri), annotations.conceptCounts()))
                .put("version", ontology.version()).put("notice", LABELS_NOTICE);
    }

    private static JsonObject node(Ontology ontology, Concept concept, Map<String, Long> counts) {
        JsonArray synonyms = new JsonArray();
        concept.altLabels().stream().filter(l -> l.language().equals("sv")).forEach(l -> synonyms.add(l.text()));
        List<Concept> narrower = new ArrayList<>();
        concept.narrower().forEach(iri -> ontology.concept(iri).ifPresent(narrower::add));
        narrower.sort(Comparator.comparing(Concept::deprecated).thenComparing(Concept::labelSv, SWEDISH));
        JsonArray children = new JsonArray();
        narrower.forEach(child -> children.add(node(ontology, child, counts)));
        return new JsonObject().put("id", id(concept.iri())).put("iri", concept.iri())
                .put("labelSv", concept.labelSv()).put("labelEn", concept.prefLabels().get("en"))
                .put("definition", concept.definition("sv").orElse(null)).put("synonyms", synonyms)
                .put("colour", concept.colour()).put("deprecated", concept.deprecated()).put("replacedBy", concept.replacedBy())
                .put("broader", new JsonArray(concept.broader())).put("annotations", counts.getOrDefault(concept.iri(), 0L))
                .put("narrower", children);
    }

    /** The id a concept goes by in paths: the last part of its IRI under {@code tema/}, else the IRI. */
    public static String id(String iri) {
        return iri.startsWith(Codebook.CONCEPT_BASE) ? iri.substring(Codebook.CONCEPT_BASE.length()) : iri;
    }

    /** The IRI of a concept named by its id or its IRI; null for nothing. */
    public static String iri(String idOrIri) {
        if (idOrIri == null || idOrIri.isBlank()) {
            return null;
        }
        String value = idOrIri.strip();
        return value.startsWith("http://") || value.startsWith("https://") ? value : Codebook.CONCEPT_BASE + value;
    }
}
