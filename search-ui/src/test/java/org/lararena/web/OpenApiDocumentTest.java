package org.lararena.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.agreement.Figure;
import org.lararena.platform.testing.ProjectSources;

/**
 * The OpenAPI document served at {@code /api/openapi.json} describes exactly the JSON API the endpoints register:
 * every {@code router.get/post/put/patch/delete} under {@code /api/}, {@code /health} and {@code /sparql} in the main
 * sources of every module has its operation in the document, and the document describes no route that does not exist.
 */
class OpenApiDocumentTest {

    /** A route registration: the method and the path, as a string literal or a constant of the same file. */
    private static final Pattern ROUTE = Pattern.compile("router\\.(get|post|put|patch|delete)\\(\\s*(?:\"([^\"]+)\"|([A-Z][A-Z0-9_]*))\\s*\\)");
    private static final Pattern CONSTANT = Pattern.compile("String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PATH_PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static JsonObject document;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
            assertThat(in).as(OpenApiEndpoint.RESOURCE + " on the class path").isNotNull();
            document = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void isAnOpenApi31Document() {
        assertThat(document.getString("openapi")).startsWith("3.1.");
        assertThat(document.getJsonObject("info").getString("title")).isNotBlank();
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer").getString("scheme"))
                .isEqualTo("bearer");
    }

    @Test
    void namesEveryCodeOfWhyAnAgreementFigureCannotBeComputed() {
        assertThat(document.getJsonObject("components").getJsonObject("schemas").getJsonObject("AgreementReasonCode").getJsonArray("enum"))
                .containsExactlyElementsOf(Arrays.stream(Figure.Reason.values()).map(Figure.Reason::code).toList());
    }

    @Test
    void describesEveryApiRouteTheEndpointsRegister() throws IOException {
        Set<String> registered = registeredApiRoutes();
        assertThat(registered).as("the scan of the sources found the API").contains("GET /api/search", "PATCH /api/documents/{id}",
                "GET /api/admin/audit", "POST /sparql", "GET /api/openapi.json");

        assertThat(ProjectSources.missing(registered, documented())).as("routes the endpoints register that the OpenAPI document lacks").isEmpty();
        assertThat(ProjectSources.missing(documented(), registered)).as("operations of the OpenAPI document no endpoint registers").isEmpty();
    }

    @Test
    void everyOperationSaysWhoMayCallItAndWhatItAnswers() {
        for (String path : document.getJsonObject("paths").fieldNames()) {
            JsonObject item = document.getJsonObject("paths").getJsonObject(path);
            for (String method : item.fieldNames()) {
                JsonObject operation = item.getJsonObject(method);
                String name = method.toUpperCase(Locale.ROOT) + " " + path;
                assertThat(operation.getString("description")).as(name + " description").startsWith("Who: ");
                assertThat(operation.getJsonObject("responses")).as(name + " responses").isNotEmpty();
                Set<String> declared = new TreeSet<>();
                operation.getJsonArray("parameters", new JsonArray()).forEach(parameter -> {
                    JsonObject p = (JsonObject) parameter;
                    if ("path".equals(p.getString("in"))) {
                        declared.add(p.getString("name"));
                    }
                });
                Set<String> inPath = new TreeSet<>();
                Matcher template = Pattern.compile("\\{([^}]+)}").matcher(path);
                while (template.find()) {
                    inPath.add(template.group(1));
                }
                assertThat(declared).as(name + " path parameters").isEqualTo(inPath);
            }
        }
    }

    @Test
    void isServedAtApiOpenapiJsonWithoutLogin() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            new OpenApiEndpoint().addRoutes(router);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/api/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(new JsonObject(response.body())).isEqualTo(document);
        } finally {
            vertx.close().await();
        }
    }

    /** "METHOD /path" of every operation in the document. */
    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }

    /** "METHOD /path" of every JSON API route in the main sources, {@code :id} written {@code {id}} as OpenAPI does. */
    private static Set<String> registeredApiRoutes() throws IOException {
        Set<String> routes = new TreeSet<>();
        ProjectSources.mainJavaSources().forEach(file -> collectRoutes(ProjectSources.read(file), routes));
        return routes;
    }

    private static void collectRoutes(String source, Set<String> into) {
        Matcher route = ROUTE.matcher(source);
        while (route.find()) {
            String path = route.group(2) != null ? route.group(2) : constant(source, route.group(3));
            if (path != null && (path.startsWith("/api/") || path.equals("/health") || path.equals("/sparql"))) {
                into.add(route.group(1).toUpperCase(Locale.ROOT) + " " + PATH_PARAMETER.matcher(path).replaceAll("{$1}"));
            }
        }
    }

    private static String constant(String source, String name) {
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            if (constant.group(1).equals(name)) {
                return constant.group(2);
            }
        }
        return null;
    }
}
