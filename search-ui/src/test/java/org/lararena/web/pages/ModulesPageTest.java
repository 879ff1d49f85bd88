package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.modules.LearningModule;
import org.lararena.modules.LearningModules;
import org.lararena.ontology.OntologyLoader;

/** Lärmoduler and the error page over real HTTP, in Swedish by default and in English on request, with the project's modules. */
class ModulesPageTest {

    private static LearningModule module;
    @AutoClose
    private static PageServer server;

    @BeforeAll
    static void start() {
        LearningModules modules = LearningModules.load(Path.of(System.getProperty("lararena.project.dir", "..")).resolve("modules"),
                OntologyLoader.shipped().topThemeLabels());
        module = modules.all().get(0);
        server = PageServer.start(new ModulesPage(modules)::addRoutes);
    }

    @Test
    void theModulePagesSpeakEnglishWhenAskedAndSwedishOtherwise() throws Exception {
        String englishList = page("/moduler?lang=en").body();
        String englishModule = page("/moduler/" + module.slug() + "?lang=en").body();
        String swedishModule = page("/moduler/" + module.slug()).body();

        assertThat(englishList).contains("<h1>Learning modules</h1>").doesNotContain("<h1>Lärmoduler</h1>");
        assertThat(englishModule).contains("<h2>Learning goals</h2>", "<h2>Themes</h2>", "<h2>Reflection questions for the seminar</h2>")
                .doesNotContain("Lärandemål", "Reflektionsfrågor");
        assertThat(swedishModule).contains("<h2>Lärandemål</h2>", "<h2>Teman</h2>", "<h2>Reflektionsfrågor till seminariet</h2>");
        assertThat(englishModule).as("the module's own content is shown as written").contains(module.title().replace("&", "&amp;"));
    }

    @Test
    void theErrorPageSpeaksTheReadersLanguage() throws Exception {
        HttpResponse<String> english = page("/moduler/finns-inte?lang=en");
        HttpResponse<String> swedish = page("/moduler/finns-inte?lang=sv");

        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Page not found</h1>", "To the start page").doesNotContain("Sidan finns inte");
        assertThat(swedish.statusCode()).isEqualTo(404);
        assertThat(swedish.body()).contains("<html lang=\"sv\">", "<h1>Sidan finns inte</h1>", "Till startsidan");
    }

    private static HttpResponse<String> page(String path) throws Exception {
        return server.get(path);
    }
}
