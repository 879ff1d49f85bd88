package org.lararena.sparql;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lararena.ingest.store.Visibility;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET|POST /sparql}: the SPARQL 1.1 protocol's query operation for logged-in callers. The query comes as
 * {@code ?query=}, as the form field {@code query}, or as a body of type {@code application/sparql-query}; updates
 * ({@code update=}, {@code application/sparql-update}, or update syntax as a query) are refused with 400. The answer
 * carries {@value #ROW_LIMIT_HEADER} and, when cut at that limit, {@value #TRUNCATED_HEADER}{@code : true}. A query
 * by a caller who may read restricted material goes into the audit log first ({@code sparql_query}, with its text).
 */
public final class SparqlEndpoint {

    public static final String PATH = "/sparql";
    public static final String ROW_LIMIT_HEADER = "X-Lararena-Row-Limit";
    public static final String TRUNCATED_HEADER = "X-Lararena-Truncated";

    /** The longest query text accepted in a POST body; longer bodies get 413. */
    public static final int MAX_QUERY_BYTES = 64 * 1024;

    /** How much of a query's text the audit log keeps. */
    private static final int AUDITED_CHARACTERS = 2000;

    private final RequestWork work;
    private final SparqlService sparql;
    private final AuditLog audit;

    public SparqlEndpoint(RequestWork work, SparqlService sparql, AuditLog audit) {
        this.work = Objects.requireNonNull(work);
        this.sparql = Objects.requireNonNull(sparql);
        this.audit = Objects.requireNonNull(audit);
    }

    public void addRoutes(Router router) {
        router.get(PATH).handler(this::query);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_QUERY_BYTES)).handler(this::query);
    }

    private void query(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == Caller.ANONYMOUS) {
            ctx.fail(LararenaException.unauthorized("the SPARQL endpoint needs a login: send Authorization: Bearer <token> (./lararena login gets one)"));
            return;
        }
        String text;
        try {
            text = queryText(ctx);
        } catch (LararenaException e) {
            ctx.fail(e);
            return;
        }
        String accept = ctx.request().getHeader("Accept");
        work.run(() -> {
                    if (Visibility.readableBy(caller).contains(Visibility.RESTRICTED)) {
                        String audited = text.length() > AUDITED_CHARACTERS ? text.substring(0, AUDITED_CHARACTERS) + "…" : text;
                        audit.record(caller.username(), "sparql_query", PATH, new JsonObject().put("query", audited));
                    }
                    return sparql.query(text, caller, accept);
                })
                .onSuccess(answer -> ctx.response()
                        .putHeader("Content-Type", answer.contentType() + "; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .putHeader(ROW_LIMIT_HEADER, String.valueOf(sparql.maxRows()))
                        .putHeader(TRUNCATED_HEADER, String.valueOf(answer.truncated()))
                        .end(Buffer.buffer(answer.body())))
                .onFailure(ctx::fail);
    }

    /** The query text of the request, by the protocol's three ways; an update in any form is refused. */
    private static String queryText(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.params().contains("update")) {
            throw SparqlService.readOnly();
        }
        if (request.method() == HttpMethod.POST) {
            String type = mediaType(request.getHeader("Content-Type"));
            switch (type) {
                case "application/sparql-update" -> throw SparqlService.readOnly();
                case "application/sparql-query" -> {
                    if (request.params().contains("query")) {
                        throw LararenaException.badRequest("send the query either in the body or as ?query=, not both");
                    }
                    return single(ctx.body().buffer() == null ? List.of() : List.of(ctx.body().asString("UTF-8")));
                }
                case "application/x-www-form-urlencoded" -> {
                    return single(request.params().getAll("query"));
                }
                default -> throw new LararenaException(415, "unsupported_media_type",
                        "POST the query as application/sparql-query or as the form field query (application/x-www-form-urlencoded), not " + (type.isEmpty() ? "without a Content-Type" : type));
            }
        }
        return single(request.params().getAll("query"));
    }

    private static String single(List<String> values) {
        if (values.size() > 1) {
            throw LararenaException.badRequest("send exactly one query parameter (got " + values.size() + ")");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            throw LararenaException.badRequest(SparqlService.NO_QUERY);
        }
        return values.get(0);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
