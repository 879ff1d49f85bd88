package org.lararena.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.OntologyFixtures;

class LearningModulesTest {

    @TempDir
    Path folder;

    private void module(String slug, String content) throws Exception {
        Files.createDirectories(folder.resolve(slug));
        Files.writeString(folder.resolve(slug).resolve("index.md"), content);
    }

    private LearningModules load() {
        return LearningModules.load(folder, OntologyLoader.shipped().topThemeLabels());
    }

    @Test
    void theProjectsOwnModulesAllLoad() {
        Path projectModules = Path.of(System.getProperty("lararena.project.dir", "..")).resolve("modules");

        LearningModules modules = LearningModules.load(projectModules, OntologyLoader.shipped().topThemeLabels());

        assertThat(modules.problems()).isEmpty();
        assertThat(modules.all()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(modules.all()).allSatisfy(m -> assertThat(m.insights()).isNotEmpty());
    }

    @Test
    void aModuleMayNameATopThemeTheOntologyAdds() throws Exception {
        module("a-ny", "---\ntitle: Ny\nthemes: [Samverkan, Hållbarhet]\n---\nText\n");
        var extended = OntologyFixtures.shippedWith("""
                tema:hallbarhet a skos:Concept ; skos:inScheme scheme:teman ; skos:topConceptOf scheme:teman ;
                    skos:prefLabel "Hållbarhet"@sv , "Sustainability"@en ; skos:definition "Hållbar omställning."@sv .
                """);

        assertThat(load().problems()).hasSize(1);
        LearningModules withTheNewTheme = LearningModules.load(folder, extended.topThemeLabels());
        assertThat(withTheNewTheme.problems()).isEmpty();
        assertThat(withTheNewTheme.all()).hasSize(1);
    }

    @Test
    void aModuleNamingAnUnknownThemeIsLeftOutWithAMessageAndTheOthersLoad() throws Exception {
        module("a-bra", "---\ntitle: Bra\nthemes: [Samverkan]\n---\nText\n");
        module("b-fel", "---\ntitle: Fel\nthemes: [Samverkan, Teleportering]\n---\nText\n");

        LearningModules modules = load();

        assertThat(modules.all()).extracting(LearningModule::slug).containsExactly("a-bra");
        assertThat(modules.problems()).singleElement().asString().contains("b-fel").contains("unknown theme 'Teleportering'");
    }

    @Test
    void aModuleNamingAnUnpublishedInsightIsLeftOut() throws Exception {
        Files.writeString(folder.resolve("insights.yaml"), "- {id: finns, statement: En insikt, status: published}\n- {id: utkast, statement: Ett utkast, status: draft}\n");
        module("m", "---\ntitle: M\ninsights: [finns, utkast]\n---\n");

        assertThat(load().problems()).singleElement().asString().contains("unknown insight 'utkast'");
    }

    @Test
    void htmlInAModuleIsShownAsTextNeverRun() throws Exception {
        module("m", "---\ntitle: M\n---\nHej <script>alert(1)</script> och [länk](javascript:alert(2))\n");

        String html = load().find("m").orElseThrow().bodyHtml();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("javascript:");
    }

    @Test
    void brokenFrontMatterIsNamed() throws Exception {
        module("ingen", "Bara text\n");
        module("oppen", "---\ntitle: X\n");
        module("trasig", "---\ntitle: [\n---\n");
        module("utan-titel", "---\nsummary: S\n---\n");

        assertThat(load().problems()).anySatisfy(p -> assertThat(p).contains("ingen").contains("front matter"))
                .anySatisfy(p -> assertThat(p).contains("oppen").contains("not closed"))
                .anySatisfy(p -> assertThat(p).contains("trasig").contains("not valid YAML"))
                .anySatisfy(p -> assertThat(p).contains("utan-titel").contains("no title"));
    }

    @Test
    void aYamlAliasBombIsRefused() throws Exception {
        StringBuilder bomb = new StringBuilder("---\ntitle: B\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 12; i++) {
            char prev = (char) ('a' + i);
            char next = (char) ('b' + i);
            bomb.append(next).append(": &").append(next).append(" [*").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        module("bomb", bomb.append("---\n").toString());

        assertThat(load().problems()).singleElement().asString().contains("bomb").contains("not valid YAML");
    }
}
