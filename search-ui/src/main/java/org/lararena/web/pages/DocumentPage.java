package org.lararena.web.pages;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.web.DocumentsEndpoint;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.search.PassageSearch;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;
import org.lararena.web.auth.WebAuthentication;

/**
 * Dokument: the list of documents the caller may read, and one document as passages (speaker turns laid out as a
 * conversation), with page numbers, metadata and status. What the caller may not read is "not found", as in the API.
 * For a logged-in reader the page's script ({@code annotations.js}) shows the document's annotations from
 * {@code /api/documents/{id}/annotations} as coloured spans per top theme, beside a legend and a side list.
 */
public final class DocumentPage {

    private final Vertx vertx;
    private final DocumentStore documents;
    private final PassageSearch search;
    private final Ontology ontology;

    public DocumentPage(Vertx vertx, DocumentStore documents, PassageSearch search, Ontology ontology) {
        this.vertx = Objects.requireNonNull(vertx);
        this.documents = Objects.requireNonNull(documents);
        this.search = Objects.requireNonNull(search);
        this.ontology = Objects.requireNonNull(ontology);
    }

    public void addRoutes(Router router) {
        router.get("/dokument").handler(this::list);
        router.get("/dokument/:id").handler(this::document);
        router.post("/dokument/:id/forsok-igen").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::retry);
    }

    /** Försök igen: a failed document is queued again (as {@code POST /api/documents/{id}/retry}), then its page is shown. */
    private void retry(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        vertx.executeBlocking(() -> documents.retry(ctx.pathParam("id")), false).onSuccess(queued -> {
            vertx.eventBus().send(IngestAddresses.DOCUMENT_RECEIVED, new JsonObject().put("documentId", queued.id()));
            ctx.redirect("/dokument/" + Html.url(queued.id()));
        }).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        List<DocumentRecord> visible = documents.all().stream().filter(r -> DocumentsEndpoint.mayRead(caller, r))
                .sorted(Comparator.comparing(DocumentRecord::uploadedAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        StringBuilder html = new StringBuilder("<h1>").append(Html.text(messages.get("documents.title")))
                .append("</h1><table class=\"documents\"><thead><tr>");
        for (String column : List.of("doc.title", "doc.type", "doc.pilot", "doc.date", "doc.visibility", "doc.status")) {
            html.append("<th scope=\"col\">").append(Html.text(messages.get(column))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (DocumentRecord record : visible) {
            html.append("<tr><td><a href=\"/dokument/").append(Html.url(record.id())).append("\">")
                    .append(Html.text(record.title() != null ? record.title() : record.filename())).append("</a></td><td>")
                    .append(Html.text(record.type())).append("</td><td>").append(Html.text(record.pilot())).append("</td><td>")
                    .append(Html.text(record.date())).append("</td><td>").append(Html.text(record.visibility().wireName()))
                    .append("</td><td>").append(Html.text(record.status().wireName())).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (caller.isResearcher()) {
            html.append("<p><a class=\"button\" href=\"/api/export.qdpx\" download>").append(Html.text(messages.get("doc.exportAll")))
                    .append("</a></p>");
        }
        Layout.send(ctx, new Layout.Page(messages.get("documents.title"), "dokument", html.toString()));
    }

    private void document(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        DocumentRecord record = readable(documents, ctx.pathParam("id"), caller);
        vertx.executeBlocking(() -> search.passagesOf(record.id(), caller), false)
                .onSuccess(passages -> Layout.send(ctx, new Layout.Page(title(record), "dokument",
                        failure(record, caller, messages, WebAuthentication.csrfToken(ctx)) + body(record, passages, caller, messages))))
                .onFailure(ctx::fail);
    }

    /**
     * For a failed document, why it failed and, for researchers, a Försök igen button; or a link to the newer
     * attempt when its file was uploaded again.
     */
    private String failure(DocumentRecord record, Caller caller, Messages messages, String csrf) {
        if (record.status() != DocumentStatus.FAILED) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section class=\"failed\" role=\"alert\"><h2>").append(Html.text(messages.get("doc.failed")))
                .append("</h2><p>").append(Html.text(record.error() != null ? record.error() : messages.get("doc.failedUnknown"))).append("</p>");
        if (record.retriedAs() != null) {
            html.append("<p><a href=\"/dokument/").append(Html.url(record.retriedAs())).append("\">")
                    .append(Html.text(messages.get("doc.retriedAs"))).append("</a></p>");
        } else if (caller.isResearcher()) {
            html.append("<form class=\"once\" method=\"post\" action=\"/dokument/").append(Html.url(record.id()))
                    .append("/forsok-igen\"><input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.text(csrf))
                    .append("\"><button type=\"submit\">").append(Html.text(messages.get("doc.retry"))).append("</button></form>");
        }
        return html.append("</section>").toString();
    }

    /** The document {@code id} when {@code caller} may read it; otherwise 404, as for a document that does not exist. */
    static DocumentRecord readable(DocumentStore documents, String id, Caller caller) {
        return documents.find(id).filter(r -> DocumentsEndpoint.mayRead(caller, r))
                .orElseThrow(() -> LararenaException.notFound("no document with that id"));
    }

    private String body(DocumentRecord record, JsonArray passages, Caller caller, Messages messages) {
        StringBuilder html = new StringBuilder("<h1>").append(Html.text(title(record))).append("</h1>")
                .append("<dl class=\"metadata\">")
                .append(row(messages.get("doc.file"), record.filename())).append(row(messages.get("doc.type"), record.type()))
                .append(row(messages.get("doc.pilot"), record.pilot())).append(row(messages.get("doc.date"), record.date()))
                .append(row(messages.get("doc.visibility"), record.visibility().wireName()))
                .append(row(messages.get("doc.status"), record.status().wireName() + (record.error() != null ? ": " + record.error() : "")))
                .append(row(messages.get("doc.passages"), String.valueOf(passages.size()))).append("</dl>");
        if (caller.isResearcher()) {
            html.append("<p><a class=\"button\" href=\"/kodning/").append(Html.url(record.id())).append("\">")
                    .append(Html.text(messages.get("doc.code"))).append("</a> <a class=\"button\" href=\"/api/export.qdpx?documents=")
                    .append(Html.url(record.id())).append("\" download>").append(Html.text(messages.get("doc.export"))).append("</a></p>");
        }
        if (caller == Caller.ANONYMOUS) {
            return html.append(passagesHtml(record.id(), passages, messages)).toString();
        }
        return html.append("<div class=\"annotated\">").append(passagesHtml(record.id(), passages, messages))
                .append("<aside class=\"annotation-panel\" aria-labelledby=\"legend-title\">")
                .append(legendHtml(ontology, messages))
                .append(annotationListHtml(record.id(), caller, messages))
                .append("</aside></div>").append(scriptMessages(messages)).toString();
    }

    /** The passages in reading order; {@code annotations.js} finds them by {@code data-passage} and their {@code .text}. */
    static String passagesHtml(String documentId, JsonArray passages, Messages messages) {
        boolean conversation = passages.stream().anyMatch(p -> ((JsonObject) p).getString("speaker") != null);
        StringBuilder html = new StringBuilder("<ol class=\"passages").append(conversation ? " conversation" : "")
                .append("\" data-document=\"").append(Html.text(documentId)).append("\">");
        Integer lastPage = null;
        for (Object item : passages) {
            JsonObject passage = (JsonObject) item;
            Integer page = passage.getInteger("page");
            if (page != null && !page.equals(lastPage)) {
                html.append("<li class=\"page-break\" aria-hidden=\"true\">").append(Html.text(messages.get("doc.page", page))).append("</li>");
                lastPage = page;
            }
            String id = Html.text(passage.getString("id"));
            html.append("<li class=\"passage\" id=\"").append(id).append("\" data-passage=\"").append(id).append("\" tabindex=\"-1\">");
            if (passage.getString("speaker") != null) {
                html.append("<span class=\"speaker\">").append(Html.text(passage.getString("speaker"))).append("</span>");
            }
            html.append("<p class=\"text\">").append(Html.text(passage.getString("text"))).append("</p></li>");
        }
        return html.append("</ol>").toString();
    }

    /** The top themes with their colour classes ({@code theme-0} …), in the reader's language. */
    static String legendHtml(Ontology ontology, Messages messages) {
        StringBuilder html = new StringBuilder("<section class=\"legend\"><h2 id=\"legend-title\">")
                .append(Html.text(messages.get("annotations.legend"))).append("</h2><ul>");
        List<Concept> themes = ontology.topThemes();
        for (int i = 0; i < themes.size(); i++) {
            html.append("<li class=\"theme-").append(i).append("\" data-theme=\"").append(Html.text(themes.get(i).iri())).append("\">")
                    .append(Html.text(messages.label(themes.get(i)))).append("</li>");
        }
        return html.append("</ul></section>").toString();
    }

    private static String annotationListHtml(String documentId, Caller caller, Messages messages) {
        return "<section class=\"annotation-list\"><h2>" + Html.text(messages.get("annotations.title")) + "</h2>"
                + "<p id=\"annotations-status\" role=\"status\"></p>"
                + "<ol id=\"annotations\" data-document=\"" + Html.text(documentId) + "\" data-researcher=\"" + caller.isResearcher() + "\"></ol>"
                + "</section>";
    }

    /** The texts the page's scripts show (keys {@code js.*}), as JSON data: not a script, so the CSP allows it. */
    static String scriptMessages(Messages messages) {
        return "<script type=\"application/json\" id=\"messages\">" + messages.scriptTexts().encode().replace("<", "\\u003c") + "</script>";
    }

    private static String row(String label, String value) {
        return value == null ? "" : "<dt>" + Html.text(label) + "</dt><dd>" + Html.text(value) + "</dd>";
    }

    static String title(DocumentRecord record) {
        return record.title() != null ? record.title() : record.filename();
    }
}
