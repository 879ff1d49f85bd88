package org.lararena.themes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyFixtures;
import org.lararena.ontology.OntologyLoader;

/** The theme tree of the shipped ontology, with counts and both languages. */
class ThemeTreeTest {

    private static Ontology ontology;

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
    }

    @Test
    void theTopLevelIsTheNineteenThemesWithTheirNarrowerConceptsNested() {
        Concept kontinuitet = ontology.topThemes().stream().filter(c -> c.labelSv().equals("Kontinuitet")).findFirst().orElseThrow();
        String narrowerIri = kontinuitet.narrower().get(0);

        JsonArray tree = ThemeTree.of(ontology, Map.of(kontinuitet.iri(), 7L, narrowerIri, 3L), "sv");

        assertThat(tree).hasSize(19);
        JsonObject node = find(tree, kontinuitet.iri());
        assertThat(node.getString("label")).isEqualTo("Kontinuitet");
        assertThat(node.getString("labelEn")).isEqualTo(kontinuitet.labelEn());
        assertThat(node.getString("definition")).isEqualTo(kontinuitet.definition("sv").orElseThrow());
        assertThat(node.getLong("count")).isEqualTo(7);
        assertThat(node.getJsonArray("narrower")).hasSize(kontinuitet.narrower().size());
        assertThat(find(node.getJsonArray("narrower"), narrowerIri).getLong("count")).isEqualTo(3);
        assertThat(find(tree, ontology.topThemes().stream().filter(c -> c.labelSv().equals("Samverkan")).findFirst().orElseThrow().iri())
                .getLong("count")).as("a theme without passages").isZero();
    }

    @Test
    void englishSwitchesLabelAndDefinition() {
        JsonArray tree = ThemeTree.of(ontology, Map.of(), "en");

        JsonObject first = tree.getJsonObject(0);
        Concept concept = ontology.require(first.getString("iri"));
        assertThat(first.getString("label")).isEqualTo(concept.labelEn()).isNotEqualTo(concept.labelSv());
        assertThat(first.getString("definition")).isEqualTo(concept.definition("en").orElse(concept.definition("sv").orElseThrow()));
    }

    @Test
    void aDeprecatedConceptStaysInTheTreeOnlyWhilePassagesCarryIt() {
        Ontology withDeprecated = OntologyFixtures.shippedWith("""
                tema:gammal-kontinuitet a skos:Concept ; skos:inScheme scheme:teman ; skos:broader tema:kontinuitet ;
                    skos:prefLabel "Gammal kontinuitet"@sv , "Old continuity"@en ; skos:definition "Ett utgånget begrepp."@sv ;
                    <http://www.w3.org/2002/07/owl#deprecated> true .
                tema:kontinuitet skos:narrower tema:gammal-kontinuitet .
                """);
        String kontinuitet = "https://w3id.org/lararena/tema/kontinuitet";
        String deprecated = "https://w3id.org/lararena/tema/gammal-kontinuitet";

        JsonArray unused = find(ThemeTree.of(withDeprecated, Map.of(), "sv"), kontinuitet).getJsonArray("narrower");
        assertThat(unused.stream().map(n -> ((JsonObject) n).getString("iri"))).doesNotContain(deprecated);
        JsonArray carried = find(ThemeTree.of(withDeprecated, Map.of(deprecated, 2L), "sv"), kontinuitet).getJsonArray("narrower");
        assertThat(find(carried, deprecated).getBoolean("deprecated")).isTrue();
        assertThat(find(carried, deprecated).getLong("count")).isEqualTo(2);
    }

    private static JsonObject find(JsonArray nodes, String iri) {
        return nodes.stream().map(n -> (JsonObject) n).filter(n -> n.getString("iri").equals(iri)).findFirst().orElseThrow();
    }
}
