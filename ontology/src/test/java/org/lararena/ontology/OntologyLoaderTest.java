package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.vocabulary.LAR;

class OntologyLoaderTest {

    private static final String PREFIXES = """
            @prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
            @prefix scheme: <https://w3id.org/lararena/scheme/> .
            @prefix tema:   <https://w3id.org/lararena/tema/> .
            scheme:teman a skos:ConceptScheme .
            scheme:nivaer a skos:ConceptScheme .
            """;

    private static final String GOOD = """
            tema:a a skos:Concept ; skos:inScheme scheme:teman ;
                skos:prefLabel "Alfa"@sv , "Alpha"@en ; skos:definition "Den första."@sv .
            """;

    @TempDir
    Path dir;

    @Test
    void theShippedOntologyConformsToEveryRule() {
        // Fails the build, naming the concept and the rule, as soon as a Turtle file breaks a shape.
        Ontology ontology = OntologyLoader.fromClasspath();
        assertThat(ontology.concepts()).hasSizeGreaterThan(150);
        assertThat(ontology.version()).isEqualTo("1.2.2");
    }

    @Test
    void theShippedThemesAreTheNineteenRequiredTopThemes() {
        Ontology ontology = OntologyLoader.fromClasspath();
        assertThat(ontology.topThemes()).extracting(Concept::labelSv).containsExactlyInAnyOrder(
                "Personcentrering", "Samverkan", "Tillgänglighet", "Kontinuitet", "Delaktighet", "Brukarmedverkan",
                "Styrning och ledning", "Kompetensförsörjning", "Arbetsmiljö", "Ekonomi och resurser", "Tjänstedesign",
                "Psykisk hälsa", "Samsjuklighet", "Policyutveckling", "Uppföljning", "Förebyggande arbete", "Lärande",
                "Kultur och normer", "Digitalisering");
        for (Concept top : ontology.topThemes()) {
            assertThat(top.narrower()).as(top.iri()).hasSizeBetween(3, 8);
            assertThat(top.definition("sv")).as(top.iri()).isPresent();
            assertThat(top.definition("en")).as(top.iri()).isPresent();
        }
    }

    @Test
    void everyThemeReferencedFromAnotherSchemeExists() {
        Ontology ontology = OntologyLoader.fromClasspath();
        ontology.model().listObjects().forEach(node -> {
            if (node.isURIResource() && node.asResource().getURI().startsWith(LAR.BASE + "tema/")) {
                assertThat(ontology.concept(node.asResource().getURI())).as(node.toString()).isPresent();
            }
        });
    }

    @Test
    void loadsTheOntologyFromAJarAsWhenDeployed() throws Exception {
        Path source = Path.of(OntologyLoader.class.getClassLoader()
                .getResource(OntologyLoader.CLASSPATH_DIRECTORY + OntologyLoader.SHAPES_FILE).toURI()).getParent();
        Path jar = dir.resolve("ontology.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).toList()) {
                out.putNextEntry(new JarEntry(OntologyLoader.CLASSPATH_DIRECTORY + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(OntologyLoader.fromClasspath(loader).topThemes()).hasSize(19);
            // A second load while nothing holds the jar open must work as well.
            assertThat(OntologyLoader.fromClasspath(loader).topThemes()).hasSize(19);
        }
    }

    @Test
    void loadsAValidDirectoryAndIgnoresAShapesFileInIt() throws IOException {
        write("a.ttl", PREFIXES + GOOD);
        write(OntologyLoader.SHAPES_FILE, "this is not Turtle");
        assertThat(OntologyLoader.fromDirectory(dir).concept("https://w3id.org/lararena/tema/a")).isPresent();
    }

    @Test
    void rejectsAConceptWithoutScheme() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:prefLabel "Beta"@sv , "Beta"@en ; skos:definition "B."@sv .
                """, "tema/b", "OneScheme");
    }

    @Test
    void rejectsAConceptInTwoSchemes() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman , scheme:nivaer ;
                    skos:prefLabel "Beta"@sv , "Beta"@en ; skos:definition "B."@sv .
                """, "tema/b", "OneScheme");
    }

    @Test
    void rejectsAConceptWithoutSwedishPrefLabel() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman ;
                    skos:prefLabel "Beta"@en ; skos:definition "B."@sv .
                """, "tema/b", "SwedishPrefLabel");
    }

    @Test
    void rejectsAConceptWithoutEnglishPrefLabel() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman ;
                    skos:prefLabel "Beta"@sv ; skos:definition "B."@sv .
                """, "tema/b", "EnglishPrefLabel");
    }

    @Test
    void rejectsTwoSwedishPrefLabelsOnOneConcept() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman ;
                    skos:prefLabel "Beta"@sv , "Bäta"@sv , "Beta"@en ; skos:definition "B."@sv .
                """, "tema/b", "OnePrefLabelPerLanguage");
    }

    @Test
    void rejectsAConceptWithoutDefinition() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman ; skos:prefLabel "Beta"@sv , "Beta"@en .
                """, "tema/b", "Definition");
    }

    @Test
    void rejectsACycleInBroader() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman ; skos:broader tema:c ;
                    skos:prefLabel "Beta"@sv , "Beta"@en ; skos:definition "B."@sv .
                tema:c a skos:Concept ; skos:inScheme scheme:teman ; skos:broader tema:b ;
                    skos:prefLabel "Gamma"@sv , "Gamma"@en ; skos:definition "C."@sv .
                """, "tema/b", "NoBroaderCycle");
    }

    @Test
    void rejectsALabelSharedByTwoConceptsOfOneSchemeIgnoringCase() throws IOException {
        assertRejected("""
                tema:b a skos:Concept ; skos:inScheme scheme:teman ;
                    skos:prefLabel "Beta"@sv , "Beta"@en ; skos:altLabel "alfa"@sv ; skos:definition "B."@sv .
                tema:c a skos:Concept ; skos:inScheme scheme:teman ;
                    skos:prefLabel "Gamma"@sv , "Gamma"@en ; skos:altLabel "Alfa"@sv ; skos:definition "C."@sv .
                """, "tema/b", "UniqueLabelInScheme");
    }

    @Test
    void acceptsOneLabelInTwoLanguagesAndInTwoSchemes() throws IOException {
        write("a.ttl", PREFIXES + GOOD + """
                tema:b a skos:Concept ; skos:inScheme scheme:nivaer ;
                    skos:prefLabel "Alfa"@sv , "Alfa"@en ; skos:definition "B."@sv .
                """);
        assertThat(OntologyLoader.fromDirectory(dir).concepts()).hasSize(2);
    }

    @Test
    void rejectsADocumentTypeWithoutItsShortCode() throws IOException {
        assertRejected("""
                <https://w3id.org/lararena/dokumenttyp/fokusgrupp> a skos:Concept ; skos:inScheme scheme:dokumenttyper ;
                    skos:prefLabel "Fokusgrupp"@sv , "Focus group"@en ; skos:definition "F."@sv .
                """, "dokumenttyp/fokusgrupp", "ShortCode");
    }

    @Test
    void rejectsTurtleThatDoesNotParseNamingTheFile() throws IOException {
        write("a.ttl", PREFIXES + GOOD);
        write("broken.ttl", PREFIXES + "tema:b a skos:Concept ; skos:prefLabel \"unterminated .");
        assertThatThrownBy(() -> OntologyLoader.fromDirectory(dir))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("broken.ttl");
    }

    private void assertRejected(String turtle, String concept, String rule) throws IOException {
        write("a.ttl", PREFIXES + GOOD + turtle);
        assertThatThrownBy(() -> OntologyLoader.fromDirectory(dir))
                .isInstanceOfSatisfying(OntologyException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.error()).isEqualTo("invalid_ontology");
                })
                .hasMessageContaining("https://w3id.org/lararena/" + concept + ">")
                .hasMessageContaining("rule " + rule);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

}
