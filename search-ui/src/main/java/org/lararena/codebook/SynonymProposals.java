package org.lararena.codebook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.lararena.platform.shared.AtomicFiles;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.suggest.LearnedTerm;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.text.SwedishText;
import org.lararena.platform.LararenaException;
import org.lararena.platform.Sha256;

/**
 * Synonyms the team's own coding proposes for the codebook: the words researchers tagged with a concept by hand in
 * several passages where the annotator found nothing of its theme (the suggester model's learned terms), that no
 * label or synonym of any concept covers yet. A researcher accepts one (it becomes a synonym of the concept, a
 * codebook change like any other) or rejects it; a rejection is remembered in {@code rejectedFile}, so the same
 * words are not proposed for that concept again. Thread-safe.
 */
public final class SynonymProposals {

    /** One proposal: {@code term} as a synonym of {@code conceptIri}, tagged in {@code passages} passages. */
    public record Proposal(String id, String conceptIri, String term, int passages) {}

    private final Supplier<Ontology> ontology;
    private final Supplier<SuggesterModel> model;
    private final Path rejectedFile;
    /** Keys ({@link #key}) of rejected proposals; guarded by this. */
    private final Set<String> rejected = new LinkedHashSet<>();

    /** Reads the rejections kept in {@code rejectedFile} (none when it does not exist). Blocking. */
    public SynonymProposals(Supplier<Ontology> ontology, Supplier<SuggesterModel> model, Path rejectedFile) {
        this.ontology = Objects.requireNonNull(ontology);
        this.model = Objects.requireNonNull(model);
        this.rejectedFile = Objects.requireNonNull(rejectedFile);
        try {
            new JsonArray(Files.readString(rejectedFile, StandardCharsets.UTF_8)).forEach(key -> rejected.add(String.valueOf(key)));
        } catch (NoSuchFileException e) {
            // nothing rejected yet
        } catch (IOException | RuntimeException e) {
            throw new LararenaException(500, "unreadable_file", "the rejected codebook proposals in " + rejectedFile + " could not be read: "
                    + e.getMessage() + "; repair or remove the file", e);
        }
    }

    /** The open proposals, most tagged first. */
    public synchronized List<Proposal> open() {
        Ontology codebook = ontology.get();
        Set<String> covered = new LinkedHashSet<>();
        codebook.concepts().forEach(concept -> labels(concept).forEach(label -> covered.add(SwedishText.fold(label.strip()))));
        return model.get().learnedTerms().stream()
                .filter(term -> codebook.concept(term.conceptIri()).filter(c -> !c.deprecated()).isPresent())
                .filter(term -> !covered.contains(SwedishText.fold(term.label().strip())))
                .filter(term -> !rejected.contains(key(term.conceptIri(), term.label())))
                .map(SynonymProposals::proposal)
                .sorted(Comparator.comparingInt(Proposal::passages).reversed().thenComparing(Proposal::term))
                .toList();
    }

    /** The open proposal with this id; 404 when there is none (accepted, rejected, or never made). */
    public Proposal find(String id) {
        return open().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> LararenaException.notFound("no open codebook proposal with the id '" + id + "'"));
    }

    /** Remembers that the team does not want this proposal; it is not made again. Blocking. */
    public synchronized Proposal reject(String id) {
        Proposal proposal = find(id);
        rejected.add(key(proposal.conceptIri(), proposal.term()));
        try {
            Files.createDirectories(rejectedFile.getParent());
            AtomicFiles.write(rejectedFile, new JsonArray(List.copyOf(rejected)).encodePrettily(), true);
        } catch (IOException e) {
            rejected.remove(key(proposal.conceptIri(), proposal.term()));
            throw LararenaException.unavailable("the rejection could not be saved: " + e.getMessage(), e);
        }
        return proposal;
    }

    /** A proposal as the API writes it. */
    public static JsonObject toJson(Proposal proposal, Optional<Concept> concept) {
        return new JsonObject().put("id", proposal.id()).put("term", proposal.term()).put("passages", proposal.passages())
                .put("concept", new JsonObject().put("iri", proposal.conceptIri()).put("id", CodebookActions.id(proposal.conceptIri()))
                        .put("label", concept.map(Concept::labelSv).orElse(proposal.conceptIri())));
    }

    private static Stream<String> labels(Concept concept) {
        return Stream.of(concept.prefLabels().values().stream(), concept.altLabels().stream().map(Concept.Label::text),
                concept.hiddenLabels().stream().map(Concept.Label::text)).flatMap(s -> s);
    }

    private static Proposal proposal(LearnedTerm term) {
        return new Proposal(idOf(key(term.conceptIri(), term.label())), term.conceptIri(), term.label().strip(), term.passages());
    }

    /** The concept and the folded words: the same words, differently cased or accented, are one proposal. */
    private static String key(String conceptIri, String term) {
        return conceptIri + '\t' + SwedishText.fold(term.strip());
    }

    private static String idOf(String key) {
        return Sha256.hex(key).substring(0, 16);
    }
}
