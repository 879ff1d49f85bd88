package org.lararena.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.platform.LararenaException;

class SynonymProposalsTest {

    private static final Ontology ONTOLOGY = OntologyLoader.shipped();
    private static final Concept THEME = ONTOLOGY.topThemes().get(0);

    @TempDir
    Path dataDir;

    /** A model that learned these (label, passages) pairs for {@link #THEME} from researchers' manual tags. */
    private static SuggesterModel learned(Object... labelsAndPassages) {
        JsonArray terms = new JsonArray();
        for (int i = 0; i < labelsAndPassages.length; i += 2) {
            terms.add(new JsonObject().put("concept", THEME.iri()).put("topTheme", THEME.iri()).put("label", labelsAndPassages[i])
                    .put("passages", labelsAndPassages[i + 1]));
        }
        return SuggesterModel.fromJson(SuggesterModel.DICTIONARY_ONLY.toJson().put("version", 1).put("learned", terms));
    }

    @Test
    void wordsTaggedOftenThatNoLabelCoversAreProposedMostTaggedFirst() {
        SuggesterModel model = learned("vårdlotsen", 3, THEME.labelSv().toUpperCase(), 9, "kvistlotsen", 5);
        SynonymProposals proposals = new SynonymProposals(() -> ONTOLOGY, () -> model, dataDir.resolve("rejected.json"));

        assertThat(proposals.open()).extracting(SynonymProposals.Proposal::term).as("a label, in other letters, is covered")
                .containsExactly("kvistlotsen", "vårdlotsen");
        assertThat(proposals.open()).allSatisfy(p -> assertThat(p.conceptIri()).isEqualTo(THEME.iri()));
    }

    @Test
    void aRejectedProposalIsNotMadeAgainAfterARestartAndAnUnknownIdIsA404() {
        SuggesterModel model = learned("vårdlotsen", 3, "kvistlotsen", 5);
        Path file = dataDir.resolve("codebook").resolve("rejected.json");
        SynonymProposals proposals = new SynonymProposals(() -> ONTOLOGY, () -> model, file);
        String kvist = proposals.open().get(0).id();

        proposals.reject(kvist);

        assertThat(proposals.open()).extracting(SynonymProposals.Proposal::term).containsExactly("vårdlotsen");
        assertThat(new SynonymProposals(() -> ONTOLOGY, () -> model, file).open()).extracting(SynonymProposals.Proposal::term)
                .containsExactly("vårdlotsen");
        assertThatThrownBy(() -> proposals.reject(kvist)).isInstanceOf(LararenaException.class)
                .satisfies(e -> assertThat(((LararenaException) e).status()).isEqualTo(404));
    }
}
