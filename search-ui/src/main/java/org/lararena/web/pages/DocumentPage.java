package org.lararena.web.pages;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.web.DocumentsEndpoint;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.search.PassageSearch;
import org.lararena.web.Html;
import org.lararena.web.Layout;

/**
 * Dokument: the list of documents the caller may read, and one document as passages (speaker turns laid out as a
 * conversation), with page numbers, metadata and status. What the caller may not read is "not found", as in the API.
 */
public final class DocumentPage {

    private final Vertx vertx;
    private final DocumentStore documents;
    private final PassageSearch search;

    public DocumentPage(Vertx vertx, DocumentStore documents, PassageSearch search) {
        this.vertx = Objects.requireNonNull(vertx);
        this.documents = Objects.requireNonNull(documents);
        this.search = Objects.requireNonNull(search);
    }

    public void addRoutes(Router router) {
        router.get("/dokument").handler(this::list);
        router.get("/dokument/:id").handler(this::document);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        List<DocumentRecord> visible = documents.all().stream().filter(r -> DocumentsEndpoint.mayRead(caller, r))
                .sorted(Comparator.comparing(DocumentRecord::uploadedAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        StringBuilder html = new StringBuilder("<h1>Dokument</h1><table class=\"documents\"><thead><tr>"
                + "<th scope=\"col\">Titel</th><th scope=\"col\">Typ</th><th scope=\"col\">Pilot</th><th scope=\"col\">Datum</th>"
                + "<th scope=\"col\">Synlighet</th><th scope=\"col\">Status</th></tr></thead><tbody>");
        for (DocumentRecord record : visible) {
            html.append("<tr><td><a href=\"/dokument/").append(Html.url(record.id())).append("\">")
                    .append(Html.text(record.title() != null ? record.title() : record.filename())).append("</a></td><td>")
                    .append(Html.text(record.type())).append("</td><td>").append(Html.text(record.pilot())).append("</td><td>")
                    .append(Html.text(record.date())).append("</td><td>").append(Html.text(record.visibility().wireName()))
                    .append("</td><td>").append(Html.text(record.status().wireName())).append("</td></tr>");
        }
        html.append("</tbody></table>");
        Layout.send(ctx, new Layout.Page("Dokument", "dokument", html.toString()));
    }

    private void document(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = documents.find(ctx.pathParam("id")).filter(r -> DocumentsEndpoint.mayRead(caller, r))
                .orElseThrow(() -> LararenaException.notFound("no document with that id"));
        vertx.executeBlocking(() -> search.passagesOf(record.id(), caller), false)
                .onSuccess(passages -> Layout.send(ctx, new Layout.Page(title(record), "dokument", body(record, passages))))
                .onFailure(ctx::fail);
    }

    private static String body(DocumentRecord record, JsonArray passages) {
        boolean conversation = passages.stream().anyMatch(p -> ((JsonObject) p).getString("speaker") != null);
        StringBuilder html = new StringBuilder("<h1>").append(Html.text(title(record))).append("</h1>")
                .append("<dl class=\"metadata\">")
                .append(row("Fil", record.filename())).append(row("Typ", record.type())).append(row("Pilot", record.pilot()))
                .append(row("Datum", record.date())).append(row("Synlighet", record.visibility().wireName()))
                .append(row("Status", record.status().wireName() + (record.error() != null ? ": " + record.error() : "")))
                .append(row("Stycken", String.valueOf(passages.size()))).append("</dl>")
                .append("<ol class=\"passages").append(conversation ? " conversation" : "").append("\">");
        Integer lastPage = null;
        for (Object item : passages) {
            JsonObject passage = (JsonObject) item;
            Integer page = passage.getInteger("page");
            if (page != null && !page.equals(lastPage)) {
                html.append("<li class=\"page-break\" aria-hidden=\"true\">Sida ").append(page).append("</li>");
                lastPage = page;
            }
            html.append("<li class=\"passage\" id=\"").append(Html.text(passage.getString("id"))).append("\" tabindex=\"-1\">");
            if (passage.getString("speaker") != null) {
                html.append("<span class=\"speaker\">").append(Html.text(passage.getString("speaker"))).append("</span>");
            }
            html.append("<p>").append(Html.text(passage.getString("text"))).append("</p></li>");
        }
        return html.append("</ol>").toString();
    }

    private static String row(String label, String value) {
        return value == null ? "" : "<dt>" + Html.text(label) + "</dt><dd>" + Html.text(value) + "</dd>";
    }

    private static String title(DocumentRecord record) {
        return record.title() != null ? record.title() : record.filename();
    }
}
