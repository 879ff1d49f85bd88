package org.lararena.web.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.lararena.documents.DocumentsEndpoint;
import org.lararena.documents.PassageRange;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;
import org.lararena.search.PassageSearch;
import org.lararena.web.Html;
import org.lararena.web.Labels;
import org.lararena.web.Layout;
import org.lararena.web.Messages;
import org.lararena.web.auth.WebAuthentication;

/**
 * Dokument: the list of documents the caller may read, and one document as passages (speaker turns laid out as a
 * conversation), with page numbers, metadata and status. What the caller may not read is "not found", as in the API.
 * For a logged-in reader the page's script ({@code annotations.js}) shows the document's annotations from
 * {@code /api/documents/{id}/annotations} as coloured spans per top theme, beside a legend and a side list. A long
 * document is shown a part at a time ({@code ?from=} names a passage of the part), with links to the parts around it.
 */
public final class DocumentPage {

    /** Rows per page of the document list. */
    static final int LIST_PAGE_SIZE = 50;
    private static final Locale SWEDISH_ORDER_LOCALE = Locale.forLanguageTag("sv");
    private static final Collator SWEDISH_ORDER = Collator.getInstance(SWEDISH_ORDER_LOCALE);

    private final Vertx vertx;
    private final RequestWork work;
    private final DocumentStore documents;
    private final PassageSearch search;
    private final Ontology ontology;
    private final AnnotationStore annotations;
    private final int partPassages;

    /** @param partPassages passages shown at a time ({@code LARARENA_DOCUMENT_PART_PASSAGES}): a longer document is shown in parts */
    public DocumentPage(Vertx vertx, RequestWork work, DocumentStore documents, PassageSearch search, Ontology ontology, AnnotationStore annotations,
                        int partPassages) {
        this.vertx = Objects.requireNonNull(vertx);
        this.partPassages = partPassages;
        this.work = Objects.requireNonNull(work);
        this.documents = Objects.requireNonNull(documents);
        this.search = Objects.requireNonNull(search);
        this.ontology = Objects.requireNonNull(ontology);
        this.annotations = Objects.requireNonNull(annotations);
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
        work.run(() -> documents.retry(ctx.pathParam("id"))).onSuccess(queued -> {
            DocumentReceived.submit(vertx.eventBus(), queued.id());
            ctx.redirect("/dokument/" + Html.url(queued.id()));
        }).onFailure(ctx::fail);
    }

    /**
     * The documents the caller may read, searchable by title and file name, filterable by type, pilot and status,
     * in the order asked for, {@value #LIST_PAGE_SIZE} a page (or {@code size}). Everything is in the address (a plain GET form), so a
     * filtered list can be shared and works without scripts. On narrow screens the CSS shows each row as a card.
     */
    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        MultiMap params = ctx.queryParams();
        String text = params.get("q") == null ? "" : params.get("q").strip().toLowerCase(Locale.ROOT);
        String type = blankToNull(params.get("type"));
        String pilot = blankToNull(params.get("pilot"));
        String status = blankToNull(params.get("status"));
        String sort = params.get("sort") == null ? "newest" : params.get("sort");
        List<DocumentRecord> readable = documents.all().stream().filter(r -> DocumentsEndpoint.mayRead(caller, r)).toList();
        List<DocumentRecord> matching = readable.stream()
                .filter(r -> text.isEmpty() || title(r).toLowerCase(Locale.ROOT).contains(text) || r.filename().toLowerCase(Locale.ROOT).contains(text))
                .filter(r -> type == null || type.equals(r.type()))
                .filter(r -> pilot == null || pilot.equals(r.pilot()))
                .filter(r -> status == null || status.equals(r.status().wireName()))
                .sorted(switch (sort) {
                    case "title" -> Comparator.comparing((DocumentRecord r) -> title(r).toLowerCase(SWEDISH_ORDER_LOCALE), SWEDISH_ORDER);
                    case "date" -> Comparator.comparing(DocumentRecord::date, Comparator.nullsLast(Comparator.reverseOrder()));
                    default -> Comparator.comparing(DocumentRecord::uploadedAt, Comparator.nullsLast(Comparator.reverseOrder()));
                }).toList();
        int size = Params.intParam(params.get("size"), "size", LIST_PAGE_SIZE, 1, 500);
        int pages = Math.max(1, (matching.size() + size - 1) / size);
        int page = Math.min(Params.intParam(params.get("page"), "page", 0, 0, Integer.MAX_VALUE), pages - 1);
        List<DocumentRecord> shown = matching.subList(page * size, Math.min(matching.size(), (page + 1) * size));
        if (!caller.isResearcher()) {
            sendList(ctx, caller, messages, params, readable, matching, shown, page, size, pages, Map.of(), type, pilot, status, sort);
            return;
        }
        // Researchers see each coder's status (a read of the annotation store per row: off the event loop).
        work.run(() -> {
            Map<String, Map<String, CodingStatus>> statuses = new HashMap<>();
            shown.forEach(record -> statuses.put(record.id(), annotations.codingStatus(record.id())));
            return statuses;
        }).onSuccess(statuses -> sendList(ctx, caller, messages, params, readable, matching, shown, page, size, pages, statuses, type, pilot,
                        status, sort))
                .onFailure(ctx::fail);
    }

    private void sendList(RoutingContext ctx, Caller caller, Messages messages, MultiMap params, List<DocumentRecord> readable,
                          List<DocumentRecord> matching, List<DocumentRecord> shown, int page, int size, int pages,
                          Map<String, Map<String, CodingStatus>> statuses, String type, String pilot, String status, String sort) {

        StringBuilder html = new StringBuilder("<h1>").append(Html.text(messages.get("documents.title"))).append("</h1>")
                .append("<form class=\"document-filters\" method=\"get\" action=\"/dokument\" aria-label=\"")
                .append(Html.text(messages.get("documents.filterTitle"))).append("\">")
                .append("<label>").append(Html.text(messages.get("documents.search"))).append("<input type=\"search\" name=\"q\" value=\"")
                .append(Html.text(params.get("q") == null ? "" : params.get("q"))).append("\"></label>");
        html.append(select("type", messages.get("doc.type"), messages.get("documents.anyType"), type,
                readable.stream().map(DocumentRecord::type).filter(Objects::nonNull).distinct()
                        .map(code -> new String[] {code, Labels.documentType(ontology, messages, code)}).sorted(Comparator.comparing(o -> o[1])).toList()));
        html.append(select("pilot", messages.get("doc.pilot"), messages.get("documents.anyPilot"), pilot,
                readable.stream().map(DocumentRecord::pilot).filter(Objects::nonNull).distinct().sorted().map(p -> new String[] {p, p}).toList()));
        html.append(select("status", messages.get("doc.status"), messages.get("documents.anyStatus"), status,
                readable.stream().map(DocumentRecord::status).distinct().sorted()
                        .map(st -> new String[] {st.wireName(), Labels.status(messages, st)}).toList()));
        html.append(select("sort", messages.get("documents.sort"), null, sort, List.of(
                new String[] {"newest", messages.get("documents.sort.newest")}, new String[] {"title", messages.get("documents.sort.title")},
                new String[] {"date", messages.get("documents.sort.date")})));
        html.append("<button type=\"submit\">").append(Html.text(messages.get("documents.apply"))).append("</button></form>");
        if (matching.isEmpty()) {
            html.append("<p class=\"empty\">").append(Html.text(messages.get("documents.none"))).append("</p>");
        } else {
            html.append("<p class=\"total\" role=\"status\">").append(Html.text(messages.counted("documents.range", matching.size(), page * size + 1,
                    page * size + shown.size(), matching.size()))).append("</p>");
        }
        html.append("<table class=\"documents\"><thead><tr>");
        List<String> columns = caller.isResearcher() ? List.of("doc.title", "doc.type", "doc.pilot", "doc.date", "doc.visibility", "doc.status",
                "doc.coding") : List.of("doc.title", "doc.type", "doc.pilot", "doc.date", "doc.visibility", "doc.status");
        for (String column : columns) {
            html.append("<th scope=\"col\">").append(Html.text(messages.get(column))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (DocumentRecord record : shown) {
            List<String> cells = new ArrayList<>(Arrays.asList(Labels.documentType(ontology, messages, record.type()),
                    record.pilot(), record.date(), Labels.visibility(messages, record.visibility()), Labels.status(messages, record.status())));
            if (caller.isResearcher()) {
                cells.add(codingStatuses(messages, statuses.getOrDefault(record.id(), Map.of())));
            }
            html.append("<tr><td data-label=\"").append(Html.text(messages.get(columns.get(0)))).append("\"><a href=\"/dokument/")
                    .append(Html.url(record.id())).append("\">").append(Html.text(title(record))).append("</a></td>");
            for (int i = 0; i < cells.size(); i++) {
                // An empty cell is left out of the card (and stays in the table, so the columns line up).
                html.append("<td").append(cells.get(i) == null ? " class=\"empty\"" : " data-label=\"" + Html.text(messages.get(columns.get(i + 1))) + "\"")
                        .append(">").append(Html.text(cells.get(i))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (caller.isResearcher()) {
            html.append("<p><a class=\"button\" href=\"/api/export.qdpx\" download>").append(Html.text(messages.get("doc.exportAll")))
                    .append("</a></p>");
            // A plain form (no script): the file goes to the import's preview, where each code's mapping is chosen.
            html.append("<form class=\"import\" method=\"post\" action=\"/import/qdpx\" enctype=\"multipart/form-data\">")
                    .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.text(WebAuthentication.csrfToken(ctx))).append("\">")
                    .append("<label for=\"import-qdpx\">").append(Html.text(messages.get("doc.import"))).append("</label>")
                    .append("<input id=\"import-qdpx\" name=\"file\" type=\"file\" accept=\".qdpx,application/zip\" required>")
                    .append("<button type=\"submit\">").append(Html.text(messages.get("doc.importPreview"))).append("</button></form>");
        }
        if (pages > 1) {
            html.append("<nav class=\"pager\" aria-label=\"").append(Html.text(messages.get("search.pages"))).append("\">");
            if (page > 0) {
                html.append("<a rel=\"prev\" href=\"").append(Html.text(listUrl(ctx, page - 1))).append("\">")
                        .append(Html.text(messages.get("search.previous"))).append("</a>");
            }
            if (page + 1 < pages) {
                html.append("<a rel=\"next\" href=\"").append(Html.text(listUrl(ctx, page + 1))).append("\">")
                        .append(Html.text(messages.get("search.next"))).append("</a>");
            }
            html.append("</nav>");
        }
        Layout.send(ctx, new Layout.Page(messages.get("documents.title"), "dokument", html.toString()));
    }

    /** Each coder's status of a document, "forskare: klar, forskare2: pågår", or null when nobody has set one. */
    private static String codingStatuses(Messages messages, Map<String, CodingStatus> byCoder) {
        if (byCoder.isEmpty()) {
            return null;
        }
        return byCoder.values().stream().sorted(Comparator.comparing(CodingStatus::coder))
                .map(s -> s.coder() + ": " + messages.get("js.codingState." + s.state().wireName()))
                .collect(Collectors.joining(", "));
    }

    /** A labelled drop-down of {@code options} ({value, label}), the first "any" (none when {@code any} is null). */
    private static String select(String name, String label, String any, String chosen, List<String[]> options) {
        StringBuilder html = new StringBuilder("<label>").append(Html.text(label)).append("<select name=\"").append(name).append("\">");
        if (any != null) {
            html.append("<option value=\"\">").append(Html.text(any)).append("</option>");
        }
        for (String[] option : options) {
            html.append("<option value=\"").append(Html.text(option[0])).append("\"").append(option[0].equals(chosen) ? " selected" : "")
                    .append(">").append(Html.text(option[1])).append("</option>");
        }
        return html.append("</select></label>").toString();
    }

    /** The list with the request's search and filters, at {@code page}. */
    private static String listUrl(RoutingContext ctx, int page) {
        StringBuilder url = new StringBuilder("/dokument?");
        ctx.queryParams().forEach(entry -> {
            if (!entry.getKey().equals("page")) {
                url.append(Html.url(entry.getKey())).append('=').append(Html.url(entry.getValue())).append('&');
            }
        });
        return url.append("page=").append(page).toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void document(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        DocumentRecord record = readable(documents, ctx.pathParam("id"), caller);
        PassageRange part = shownPart(ctx, record, partPassages);
        work.run(() -> search.passagesOf(record.id(), caller, part))
                .onSuccess(passages -> Layout.send(ctx, new Layout.Page(title(record), "dokument",
                        failure(record, caller, messages, WebAuthentication.csrfToken(ctx)) + body(record, part, passages, caller, messages))))
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

    private String body(DocumentRecord record, PassageRange part, JsonArray passages, Caller caller, Messages messages) {
        StringBuilder html = new StringBuilder("<h1>").append(Html.text(title(record))).append("</h1>")
                .append("<dl class=\"metadata\">")
                .append(row(messages.get("doc.file"), record.filename()))
                .append(origin(record, caller, messages))
                .append(row(messages.get("doc.type"), Labels.documentType(ontology, messages, record.type())))
                .append(row(messages.get("doc.pilot"), record.pilot())).append(row(messages.get("doc.date"), record.date()))
                .append(row(messages.get("doc.visibility"), Labels.visibility(messages, record.visibility())))
                .append(row(messages.get("doc.status"), Labels.status(messages, record.status()) + (record.error() != null ? ": " + record.error() : "")))
                .append(row(messages.get("doc.passages"), String.valueOf(Math.max(record.passages(), passages.size())))).append("</dl>")
                .append(parts(record, caller, messages));
        if (caller.isResearcher()) {
            // Coding starts at the part being read.
            html.append("<p><a class=\"button\" href=\"").append(atPart("/kodning/" + Html.url(record.id()), part)).append("\">")
                    .append(Html.text(messages.get("doc.code"))).append("</a> <a class=\"button\" href=\"/api/export.qdpx?documents=")
                    .append(Html.url(record.id())).append("\" download>").append(Html.text(messages.get("doc.export"))).append("</a></p>");
        }
        String parts = partsHtml("/dokument/" + Html.url(record.id()), part, record.passages(), messages);
        if (caller == Caller.ANONYMOUS) {
            return html.append(parts).append(passagesHtml(record.id(), part, passages, messages)).append(parts).toString();
        }
        return html.append(parts)
                .append("<div class=\"annotated\">").append(passagesHtml(record.id(), part, passages, messages))
                .append("<aside class=\"annotation-panel\" aria-labelledby=\"legend-title\">")
                .append(legendHtml(ontology, messages))
                .append(annotationListHtml(record.id(), caller, messages))
                .append("</aside></div>").append(parts).append(scriptMessages(messages)).toString();
    }

    /**
     * The part of {@code record} a page shows: the part of {@code partPassages} passages that holds the passage of
     * ordinal {@code ?from=} (default the first; a number past the end gives the last part).
     *
     * @throws LararenaException 400 when {@code from} is not a whole number of 0 or more
     */
    static PassageRange shownPart(RoutingContext ctx, DocumentRecord record, int partPassages) {
        int ordinal = Params.intParam(ctx.queryParams().get("from"), "from", 0, 0, Integer.MAX_VALUE);
        return PassageRange.partHolding(ordinal, partPassages, record.passages());
    }

    /** A page of a document ({@code path}) at {@code part}: Dokument and Kodning link each other at the part being read. */
    static String atPart(String path, PassageRange part) {
        return part.from() > 0 ? path + "?from=" + part.from() : path;
    }

    /**
     * Where a passage is shown: its document's page at the part that holds it ({@code ?from=} its ordinal), scrolled to
     * it ({@code #} its id, which {@code app.js} focuses).
     */
    public static String passageHref(String documentId, String passageId) {
        OptionalInt ordinal = PassageIndexer.ordinalOf(passageId);
        return "/dokument/" + Html.url(documentId) + (ordinal.isPresent() ? "?from=" + ordinal.getAsInt() : "") + "#" + Html.url(passageId);
    }

    /**
     * For a document of more than one part: which passages the page shows, of how many, and links to the parts
     * before and after ({@code path}, the page's own). Nothing for a document shown whole.
     */
    static String partsHtml(String path, PassageRange part, int total, Messages messages) {
        if (total <= part.count()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<nav class=\"pager parts\" aria-label=\"").append(Html.text(messages.get("doc.parts"))).append("\">")
                .append("<span class=\"range\">").append(Html.text(messages.get("doc.partRange", part.from() + 1, Math.min(part.last() + 1, total), total)))
                .append("</span>");
        if (part.from() > 0) {
            html.append("<a rel=\"prev\" href=\"").append(Html.text(path + "?from=" + Math.max(0, part.from() - part.count()))).append("\">")
                    .append(Html.text(messages.get("doc.partPrevious"))).append("</a>");
        }
        if (part.last() + 1 < total) {
            html.append("<a rel=\"next\" href=\"").append(Html.text(path + "?from=" + (part.last() + 1))).append("\">")
                    .append(Html.text(messages.get("doc.partNext"))).append("</a>");
        }
        // Any part in one step, without a script: a plain form that asks for the part's first passage. The nav is on
        // the page twice, so the label holds its list rather than naming it by an id.
        html.append("<form method=\"get\" action=\"").append(Html.text(path)).append("\"><label>").append(Html.text(messages.get("doc.partChoose")))
                .append(" <select name=\"from\">");
        for (int first = 0; first < total; first += part.count()) {
            html.append("<option value=\"").append(first).append('"').append(first == part.from() ? " selected" : "").append('>')
                    .append(Html.text(messages.get("doc.partOption", first + 1, Math.min(first + part.count(), total)))).append("</option>");
        }
        return html.append("</select></label> <button type=\"submit\">").append(Html.text(messages.get("doc.partGo")))
                .append("</button></form></nav>").toString();
    }

    /**
     * The passages of {@code part} in reading order; {@code annotations.js} finds them by {@code data-passage} and their
     * {@code .text}, and asks for the annotations of the part ({@code data-from}, {@code data-count}).
     */
    static String passagesHtml(String documentId, PassageRange part, JsonArray passages, Messages messages) {
        boolean conversation = passages.stream().anyMatch(p -> ((JsonObject) p).getString("speaker") != null);
        StringBuilder html = new StringBuilder("<ol class=\"passages").append(conversation ? " conversation" : "")
                .append("\" data-document=\"").append(Html.text(documentId)).append("\" data-from=\"").append(part.from())
                .append("\" data-count=\"").append(part.count()).append("\" start=\"").append(part.from() + 1).append("\">");
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
                .append(Html.text(messages.get("annotations.legend"))).append("</h2><p class=\"hint\">")
                .append(Html.text(messages.get("annotations.legendHint"))).append("</p><ul>");
        List<Concept> themes = ontology.topThemes();
        for (int i = 0; i < themes.size(); i++) {
            String label = messages.label(themes.get(i));
            // Each theme has a letter as well as a colour (several tints are close); the button shows that theme alone.
            html.append("<li class=\"theme-").append(i).append("\" data-theme=\"").append(Html.text(themes.get(i).iri()))
                    .append("\" data-label=\"").append(Html.text(label)).append("\" data-badge=\"").append(badge(i)).append("\">")
                    .append("<button type=\"button\" class=\"legend-toggle\" aria-pressed=\"false\" title=\"")
                    .append(Html.text(messages.get("annotations.only", label))).append("\"><span class=\"badge\" aria-hidden=\"true\">")
                    .append(badge(i)).append("</span> ").append(Html.text(label)).append("</button></li>");
        }
        return html.append("</ul></section>").toString();
    }

    /** The letter of the {@code index}th top theme (A, B, …; past Z its number), shown beside its colour. */
    static String badge(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : String.valueOf(index + 1);
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

    /** For a document unpacked from an archive or mailbox: "från arkivet X.zip", linked when the caller may read it. */
    private String origin(DocumentRecord record, Caller caller, Messages messages) {
        if (record.partOf() == null) {
            return "";
        }
        DocumentRecord archive = documents.find(record.partOf()).orElse(null);
        String name = archive == null ? messages.get("doc.partOfRemoved") : archive.filename();
        String link = archive != null && DocumentsEndpoint.mayRead(caller, archive)
                ? "<a href=\"/dokument/" + Html.url(archive.id()) + "\">" + Html.text(name) + "</a>" : Html.text(name);
        return "<dt>" + Html.text(messages.get("doc.origin")) + "</dt><dd>" + Html.text(messages.get("doc.partOf")) + " " + link
                + (record.pathInArchive() == null ? "" : " (" + Html.text(record.pathInArchive()) + ")") + "</dd>";
    }

    /** For an archive or mailbox: the documents unpacked from it that the caller may read, each linked. */
    private String parts(DocumentRecord record, Caller caller, Messages messages) {
        List<DocumentRecord> parts = documents.all().stream()
                .filter(part -> record.id().equals(part.partOf()) && DocumentsEndpoint.mayRead(caller, part)).toList();
        if (parts.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section class=\"parts\"><h2>").append(Html.text(messages.get("doc.parts", parts.size())))
                .append("</h2><ul>");
        for (DocumentRecord part : parts) {
            html.append("<li><a href=\"/dokument/").append(Html.url(part.id())).append("\">").append(Html.text(title(part)))
                    .append("</a> <span class=\"hint\">").append(Html.text(part.pathInArchive() == null ? "" : part.pathInArchive()))
                    .append(" · ").append(Html.text(Labels.status(messages, part.status()))).append("</span></li>");
        }
        return html.append("</ul></section>").toString();
    }

    private static String row(String label, String value) {
        return value == null ? "" : "<dt>" + Html.text(label) + "</dt><dd>" + Html.text(value) + "</dd>";
    }

    static String title(DocumentRecord record) {
        return record.title() != null ? record.title() : record.filename();
    }
}
