package org.lararena.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lararena.exchange.QdpxFiles.utf8;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.platform.LararenaException;

/**
 * Codes mapped to {@code create}: they become concepts of the growing codebook (under the concept their parent maps to,
 * under their parent's new concept, or as new top themes), in one change with the rest of the import, and a creation
 * that breaks a rule of the codebook is refused in the preview with nothing stored.
 */
class CodeCreationTest extends ImportIntoOneInstance {

    private static final String TEXT = "Om samverkan i teamet.\n\nOm nya rutiner vid utskrivning.\n\nOm en vandring i parken.";
    private static final String MAPPED = "10000000-0000-0000-0000-000000000001";
    private static final String UNDER_MAPPED = "10000000-0000-0000-0000-000000000002";
    private static final String NEW_TOP = "10000000-0000-0000-0000-000000000003";
    private static final String UNDER_NEW = "10000000-0000-0000-0000-000000000004";


    private static String code(String guid, String name, String inner) {
        return "<Code guid=\"" + guid + "\" name=\"" + name + "\" isCodable=\"true\" color=\"#3366CC\">" + inner + "</Code>";
    }

    private static String coding(int n, String coded, String codeGuid) {
        int start = TEXT.codePointCount(0, TEXT.indexOf(coded));
        return "<PlainTextSelection guid=\"20000000-0000-0000-0000-00000000000" + n + "\" startPosition=\"" + start + "\" endPosition=\""
                + (start + coded.codePointCount(0, coded.length())) + "\" creatingUser=\"30000000-0000-0000-0000-000000000001\">"
                + "<Coding guid=\"40000000-0000-0000-0000-00000000000" + n + "\"><CodeRef targetGUID=\"" + codeGuid + "\"/></Coding>"
                + "</PlainTextSelection>";
    }

    /** A theme's label (maps by label) with a new code under it; a new top code with a new code under it. */
    private Path project(String underMappedName, String underNewName) throws Exception {
        String qde = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Utskrivningsstudien\">"
                + "<Users><User guid=\"30000000-0000-0000-0000-000000000001\" name=\"anna\"/></Users>"
                + "<CodeBook><Codes>"
                + code(MAPPED, theme.labelSv(), code(UNDER_MAPPED, underMappedName, ""))
                + code(NEW_TOP, "Trygghetsvandring", code(UNDER_NEW, underNewName, ""))
                + "</Codes></CodeBook><Sources><TextSource guid=\"50000000-0000-0000-0000-000000000001\" name=\"Intervju\">"
                + "<PlainTextContent>" + TEXT + "</PlainTextContent>"
                + coding(1, "samverkan", MAPPED) + coding(2, "nya rutiner", UNDER_MAPPED) + coding(3, "vandring i parken", UNDER_NEW)
                + "</TextSource></Sources></Project>";
        return QdpxFiles.zip(dir, Map.of("project.qde", utf8(qde)));
    }

    private static final Map<String, String> CREATE_ALL = Map.of(UNDER_MAPPED, QdpxImport.CREATE, NEW_TOP, QdpxImport.CREATE,
            UNDER_NEW, QdpxImport.CREATE);

    private Concept conceptLabelled(String label) {
        return stores.ontology().concepts(theme.scheme()).stream().filter(c -> c.labelSv().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void createdCodesBecomeConceptsWhereTheirParentsAreAndCarryTheirCodings() throws Exception {
        QdpxImport importer = stores.importer();
        QdpxImport.Applied applied = importer.apply(importer.plan(READER.read(project("Nya rutiner", "Parkvandring")), CREATE_ALL, "anna"), "anna");

        Concept underMapped = conceptLabelled("Nya rutiner");
        Concept newTop = conceptLabelled("Trygghetsvandring");
        Concept underNew = conceptLabelled("Parkvandring");
        assertThat(underMapped.broader()).as("under the concept its parent code maps to").containsExactly(theme.iri());
        assertThat(newTop.isTop()).as("a top code becomes a new top theme").isTrue();
        assertThat(underNew.broader()).as("under its parent's new concept").containsExactly(newTop.iri());
        assertThat(underMapped.colour()).as("REFI-QDA's #RRGGBB in the codebook's form").isEqualTo("#3366cc");
        assertThat(underMapped.definition("sv")).get().asString().contains("Utskrivningsstudien");
        String document = stores.documents().all().get(0).id();
        assertThat(stores.annotations().annotationsOf(document)).extracting(a -> a.exact() + "|" + a.conceptIri() + "|" + a.creator())
                .containsExactlyInAnyOrder("samverkan|" + theme.iri() + "|anna", "nya rutiner|" + underMapped.iri() + "|anna",
                        "vandring i parken|" + underNew.iri() + "|anna");
        assertThat(applied.summary().getInteger("created")).isEqualTo(3);
        assertThat(stores.codebook().changes()).as("one change of the codebook for the whole import").hasSize(1);
        assertThat(stores.ontology().version()).endsWith("+kodbok.1");
    }

    @Test
    void thePreviewShowsTheConceptsToBeCreatedAndCreatesNothing() throws Exception {
        JsonObject preview = stores.importer().plan(READER.read(project("Nya rutiner", "Parkvandring")), CREATE_ALL, "anna").preview();

        List<String> matches = new ArrayList<>();
        preview.getJsonArray("codes").forEach(c -> matches.add(((JsonObject) c).getString("match")));
        assertThat(matches).containsExactly("label", "create", "create", "create");
        JsonObject created = preview.getJsonArray("codes").getJsonObject(1).getJsonObject("concept");
        assertThat(created.getString("label")).isEqualTo("Nya rutiner");
        assertThat(created.getBoolean("new")).isTrue();
        assertThat(preview.getInteger("created")).isEqualTo(3);
        assertThat(stores.ontology().concepts(theme.scheme())).noneMatch(c -> c.labelSv().equals("Nya rutiner"));
        assertThat(stores.documents().all()).isEmpty();
    }

    @Test
    void unmappedCodesAreLeftOutUnlessTheResearcherSaysCreate() throws Exception {
        QdpxImport importer = stores.importer();
        QdpxImport.Applied applied = importer.apply(importer.plan(READER.read(project("Nya rutiner", "Parkvandring")), Map.of(), "anna"), "anna");

        assertThat(applied.summary().getInteger("created")).isZero();
        assertThat(applied.summary().getInteger("codings")).isEqualTo(1);
        assertThat(stores.codebook().changes()).isEmpty();
    }

    @Test
    void aCreationThatBreaksACodebookRuleIsRefusedWithTheRuleAndNothingIsStored() throws Exception {
        // Two new codes with one name: the codebook's labels are unique within the scheme.
        Path file = project("Dubblett", "dubblett");
        QdpxImport importer = stores.importer();
        String before = stores.ontology().version();

        assertThatThrownBy(() -> importer.apply(importer.plan(READER.read(file), CREATE_ALL, "anna"), "anna"))
                .isInstanceOf(LararenaException.class).satisfies(e -> {
                    assertThat(((LararenaException) e).status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("UniqueLabelInScheme");
                });
        assertThat(stores.documents().all()).as("nothing is stored").isEmpty();
        assertThat(stores.ontology().version()).isEqualTo(before);
        assertThat(stores.codebook().changes()).isEmpty();
    }

    @Test
    void aCodeWithoutANameCannotBeCreated() throws Exception {
        Path file = project("", "Parkvandring");
        assertThatThrownBy(() -> stores.importer().plan(READER.read(file), CREATE_ALL, "anna"))
                .isInstanceOf(LararenaException.class).hasMessageContaining("no name");
    }
}
