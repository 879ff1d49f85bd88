package org.lararena.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lararena.annotations.AnnotationsEndpoint;
import org.lararena.backup.BackupEndpoint;
import org.lararena.backup.DataBackup;
import org.lararena.codebook.CodebookEndpoint;
import org.lararena.coding.ConceptsEndpoint;
import org.lararena.coding.MemosEndpoint;
import org.lararena.documents.DocumentsEndpoint;
import org.lararena.erasure.ErasureEndpoint;
import org.lararena.erasure.Retention;
import org.lararena.exchange.ExchangeEndpoint;
import org.lararena.ingest.pipeline.IndexRebuild;
import org.lararena.insights.InsightsEndpoint;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.services.ServiceSupervisor;
import org.lararena.search.AnalysisEndpoint;
import org.lararena.search.SearchEndpoint;
import org.lararena.search.SuggestEndpoint;
import org.lararena.search.Suggestions;
import org.lararena.sparql.ReadableGraphs;
import org.lararena.sparql.SparqlEndpoint;
import org.lararena.sparql.SparqlService;
import org.lararena.suggester.SuggesterEndpoint;
import org.lararena.teamcoding.AgreementEndpoint;
import org.lararena.teamcoding.TeamCodingEndpoint;
import org.lararena.themes.ThemesEndpoint;
import org.lararena.web.AdminEndpoint;
import org.lararena.web.HealthEndpoint;
import org.lararena.web.HttpServerVerticle;
import org.lararena.web.OpenApiEndpoint;
import org.lararena.web.auth.TokenAuthentication;
import org.lararena.web.auth.WebAuthentication;
import org.lararena.web.pages.AgreementPage;
import org.lararena.web.pages.AnalysisPage;
import org.lararena.web.pages.CodebookPage;
import org.lararena.web.pages.CodingPage;
import org.lararena.web.pages.DocumentPage;
import org.lararena.web.pages.ImportPage;
import org.lararena.web.pages.InsightsPage;
import org.lararena.web.pages.ModulesPage;
import org.lararena.web.pages.SearchPage;
import org.lararena.web.pages.UploadPage;

/**
 * Every route of the application: the endpoints and pages made from the {@link Services}, handed to one HTTP
 * server. Which class answers a path is found here (and in docs/api.md).
 */
final class Routes {

    private Routes() {
    }

    /**
     * The HTTP server with every route.
     *
     * @param s the services the endpoints and pages work with (short: it is named on every line below)
     * @param managedServers what the supervisors of the managed servers say now ({@code /health} names one that is away)
     */
    static HttpServerVerticle httpServer(Vertx vertx, LararenaConfig config, Services s, TokenAuthentication authentication,
                                         WebAuthentication web, Supplier<List<ServiceSupervisor.Status>> managedServers) {
        Ontology ontology = s.ontology();
        AnalysisEndpoint analysis = new AnalysisEndpoint(s.requestWork(), s.search(), ontology);
        return new HttpServerVerticle(config, web,
                List.of(new HealthEndpoint(vertx, s.elasticsearch(), authentication, s.jena(), s.suggestionJena(), managedServers, s.rdfStore())::addRoutes, new OpenApiEndpoint()::addRoutes),
                List.of(new DocumentsEndpoint(vertx, s.requestWork(), s.documents(), config.maxUploadBytes(), config.dataPath("uploads"),
                                s.search()::passagesOf, config.documentPartPassages(), s.indexer(), s.audit(), ontology)::addRoutes,
                        new SearchEndpoint(vertx, s.requestWork(), s.search(), s.answers())::addRoutes,
                        new SuggestEndpoint(s.requestWork(), new Suggestions(s.elasticsearch(), s.index().alias(), ontology))::addRoutes,
                        new ThemesEndpoint(s.requestWork(), ontology, s.search())::addRoutes,
                        new AdminEndpoint(vertx, s.requestWork(), new IndexRebuild(s.documents(), s.annotations(), ontology, s.index(), s.indexer(),
                                config.indexing().batchDocuments()), s.reannotation(), s.jobs(), s.audit())::addRoutes,
                        new AnnotationsEndpoint(s.requestWork(), s.documents(), s.annotations(), ontology, s.facetFollower(), s.audit(),
                                s.suggester()::decisionRecorded, s.suggester(), config.documentPartPassages())::addRoutes,
                        new SuggesterEndpoint(vertx, s.requestWork(), s.suggester(), s.audit())::addRoutes,
                        new TeamCodingEndpoint(s.requestWork(), s.documents(), s.annotations(), s.facetFollower(), s.audit())::addRoutes,
                        new AgreementEndpoint(s.requestWork(), s.documents(), s.annotations(), ontology)::addRoutes,
                        analysis::addRoutes,
                        new InsightsEndpoint(s.requestWork(), s.insights())::addRoutes,
                        new MemosEndpoint(s.requestWork(), s.memos(), (passageId, caller) -> s.search().context(passageId, 0, 0, caller))::addRoutes,
                        new ConceptsEndpoint(ontology)::addRoutes,
                        new CodebookEndpoint(s.requestWork(), s.codebookActions())::addRoutes,
                        new ExchangeEndpoint(vertx, s.requestWork(), s.documents(), s.annotations(), s.memos(), s.codebookActions(), s.audit(),
                                s.imports(), config.exchange(), config.dataPath("exchange"), Clock.systemUTC())::addRoutes,
                        new BackupEndpoint(vertx, new DataBackup(config, s.elasticsearch(), s.jena(), s.suggestionJena(), Clock.systemUTC()), s.audit(),
                                s.erasureLog())::addRoutes,
                        new ErasureEndpoint(s.requestWork(), s.erasure(), new Retention(s.documents(), config.retention(), config.dataDir(),
                                s.erasure()::eraseDocuments, Clock.systemUTC()))::addRoutes),
                List.of(new SearchPage(vertx, s.search(), s.answers(), ontology)::addRoutes,
                        new DocumentPage(vertx, s.requestWork(), s.documents(), s.search(), ontology, s.annotations(),
                                config.documentPartPassages())::addRoutes,
                        new CodingPage(s.requestWork(), s.documents(), s.search(), ontology, config.maxMemoChars(),
                                config.documentPartPassages())::addRoutes,
                        new ModulesPage(s.modules(), themeIrisByLabel(ontology))::addRoutes,
                        new UploadPage(ontology)::addRoutes,
                        // /sparql sits beside the pages (the protocol's path); it refuses anonymous callers itself.
                        new SparqlEndpoint(s.requestWork(), sparql(s, config),
                                s.audit())::addRoutes,
                        new AnalysisPage(analysis)::addRoutes,
                        new CodebookPage(s.requestWork(), s.codebookActions())::addRoutes,
                        new ImportPage(s.requestWork(), s.imports(), s.codebookActions(), s.jobs(), config.exchange(),
                                config.dataPath("exchange"))::addRoutes,
                        new AgreementPage(s.requestWork(), s.documents(), s.annotations(), ontology)::addRoutes,
                        new InsightsPage(s.requestWork(), s.insights(), ontology)::addRoutes));
    }

    /** SPARQL over the annotation store, and beside the embedded one over the undecided suggestions' dataset too. */
    private static SparqlService sparql(Services s, LararenaConfig config) {
        SparqlService sparql = new SparqlService(s.rdf(), ReadableGraphs.of(s.documents()), config.sparql());
        return s.suggestionJena().map(suggestions -> sparql.withSuggestions(StoreTransactions.local(suggestions))).orElse(sparql);
    }

    /** The top themes' IRIs by their Swedish labels, the names learning modules use for them. */
    private static Map<String, String> themeIrisByLabel(Ontology ontology) {
        Map<String, String> iris = new LinkedHashMap<>();
        ontology.topThemes().forEach(theme -> iris.put(theme.labelSv(), theme.iri()));
        return iris;
    }
}
