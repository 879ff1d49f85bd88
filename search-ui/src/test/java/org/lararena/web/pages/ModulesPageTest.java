package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.modules.LearningModule;
import org.lararena.modules.LearningModules;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.web.FailureHandler;
import org.lararena.web.ErrorPages;

/** Lärmoduler and the error page over real HTTP, in Swedish by default and in English on request, with the project's modules. */
class ModulesPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Vertx vertx;
    private static HttpServer server;
    private static LearningModule module;

    @BeforeAll
    static void start() {
        LearningModules modules = LearningModules.load(Path.of(System.getProperty("lararena.project.dir", "..")).resolve("modules"),
                OntologyLoader.shipped().topThemeLabels());
        module = modules.all().get(0);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new ModulesPage(modules).addRoutes(router);
        router.route().failureHandler(new FailureHandler(ErrorPages::html));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
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
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
