package org.lararena.web.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.Objects;
import org.lararena.documents.PassageRange;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.search.PassageSearch;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;

/**
 * Kodning ({@code /kodning/{documentId}}, researchers): the document's passages with its annotations, and the tools
 * to code it: tag selected text with a concept, accept or reject suggestions one by one or in bulk, memos on
 * passages, who did what, and undo of the last action, and the coders' status of the document, where a researcher marks
 * it done (in blind mode only then do colleagues' decisions show). The work happens in {@code coding.js} through the JSON API
 * with the session's CSRF token; when the session has ended the pending action is kept in the tab, the page asks
 * to log in again, and the action is sent once the reader is back.
 */
public final class CodingPage {

    private final RequestWork work;
    private final DocumentStore documents;
    private final PassageSearch search;
    private final Ontology ontology;
    private final int maxMemoChars;
    private final int partPassages;

    /**
     * @param maxMemoChars the longest memo the server keeps ({@code LARARENA_MAX_MEMO_CHARS}): the memo field stops there
     * @param partPassages passages coded at a time ({@code LARARENA_DOCUMENT_PART_PASSAGES}): a longer document is coded in parts
     */
    public CodingPage(RequestWork work, DocumentStore documents, PassageSearch search, Ontology ontology, int maxMemoChars, int partPassages) {
        this.partPassages = partPassages;
        this.work = Objects.requireNonNull(work);
        this.documents = Objects.requireNonNull(documents);
        this.search = Objects.requireNonNull(search);
        this.ontology = Objects.requireNonNull(ontology);
        this.maxMemoChars = maxMemoChars;
    }

    public void addRoutes(Router router) {
        router.get("/kodning/:id").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        String id = ctx.pathParam("id");
        if (caller == Caller.ANONYMOUS) {
            ctx.redirect("/login?next=/kodning/" + Html.url(id));
            return;
        }
        if (!caller.isResearcher()) {
            throw LararenaException.forbidden("coding is for researchers");
        }
        Messages messages = Messages.of(ctx);
        DocumentRecord record = DocumentPage.readable(documents, id, caller);
        PassageRange part = DocumentPage.shownPart(ctx, record, partPassages);
        String parts = DocumentPage.partsHtml("/kodning/" + Html.url(record.id()), part, record.passages(), messages);
        work.run(() -> search.passagesOf(record.id(), caller, part))
                .onSuccess(passages -> Layout.send(ctx, new Layout.Page(messages.get("coding.title", DocumentPage.title(record)), "dokument",
                        "<h1>" + Html.text(messages.get("coding.title", DocumentPage.title(record))) + "</h1>"
                                + "<p><a href=\"" + DocumentPage.atPart("/dokument/" + Html.url(record.id()), part) + "\">"
                                + Html.text(messages.get("coding.back")) + "</a></p>"
                                + "<noscript><p class=\"notice\">" + Html.text(messages.get("coding.noscript")) + "</p></noscript>"
                                + parts
                                + "<div class=\"annotated coding\">" + DocumentPage.passagesHtml(record.id(), part, passages, messages)
                                + panel(record, messages) + "</div>" + parts
                                + DocumentPage.scriptMessages(messages))))
                .onFailure(ctx::fail);
    }

    private String panel(DocumentRecord record, Messages messages) {
        StringBuilder concepts = new StringBuilder();
        ontology.concepts(LAR.Teman.getURI()).stream().sorted(Comparator.comparing(messages::label)).forEach(concept ->
                concepts.append("<option value=\"").append(Html.text(messages.label(concept))).append("\" data-iri=\"")
                        .append(Html.text(concept.iri())).append("\">").append(Html.text(topLabel(concept, messages))).append("</option>"));
        String loginHref = "/login?next=" + Html.url("/kodning/" + record.id());
        return """
                <aside class="annotation-panel coding-panel" id="coding" data-document="%s" aria-labelledby="coding-tools">
                <h2 id="coding-tools" class="visually-hidden">%s</h2>
                <div id="login-needed" class="notice login-needed" role="alert" hidden><p>%s</p><a class="button" href="%s">%s</a></div>
                <div class="coding-bar"><p id="coding-status" class="coding-status" role="status"></p>
                <button type="button" id="undo" aria-keyshortcuts="u" disabled>%s</button></div>
                <section class="team-status"><h3>%s</h3>
                <p id="team-status" role="status"></p>
                <button type="button" id="mark-done" hidden>%s</button>
                </section>
                <section class="tagger"><h3>%s</h3>
                <p id="selection-preview" class="hint">%s</p>
                <button type="button" id="open-tagger" aria-keyshortcuts="t" aria-haspopup="dialog" aria-controls="tag-popup" disabled>%s</button>
                <datalist id="concepts">%s</datalist>
                </section>
                <section class="review"><h3>%s</h3>
                <div class="bulk"><button type="button" id="accept-selected">%s</button> <button type="button" id="reject-selected">%s</button></div>
                <ol id="annotations" class="suggestions" data-document="%s" data-researcher="true"></ol>
                <p id="annotations-status" role="status"></p>
                </section>
                <section class="memos"><h3>%s</h3>
                <p id="memo-passage" class="hint">%s</p>
                <ol id="memo-list" class="memo-list"></ol>
                <form id="memo-form"><label for="memo-text">%s</label><textarea id="memo-text" rows="3" maxlength="%d"></textarea>
                <button type="submit" id="memo-save">%s</button></form>
                </section>
                <section class="history"><h3>%s</h3>
                <ol id="history" class="history-list"></ol>
                </section>
                %s
                <section class="shortcuts"><h3>%s</h3><dl>
                <dt><kbd>t</kbd></dt><dd>%s</dd><dt><kbd>a</kbd></dt><dd>%s</dd><dt><kbd>r</kbd></dt><dd>%s</dd>
                <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>%s</dd><dt><kbd>u</kbd></dt><dd>%s</dd></dl></section>
                </aside>
                %s
                """.formatted(Html.text(record.id()), Html.text(messages.get("coding.tools")), Html.text(messages.get("coding.expired")),
                Html.text(loginHref), Html.text(messages.get("coding.loginAgain")), Html.text(messages.get("coding.undo")),
                Html.text(messages.get("coding.teamStatus")), Html.text(messages.get("coding.markDone")),
                Html.text(messages.get("coding.tag")), Html.text(messages.get("coding.tagHint")),
                Html.text(messages.get("coding.tagButton")), concepts,
                Html.text(messages.get("coding.suggestions")), Html.text(messages.get("coding.acceptSelected")),
                Html.text(messages.get("coding.rejectSelected")), Html.text(record.id()),
                Html.text(messages.get("coding.memos")), Html.text(messages.get("coding.memoPassage")), Html.text(messages.get("coding.newMemo")),
                maxMemoChars, Html.text(messages.get("coding.saveMemo")), Html.text(messages.get("coding.history")),
                DocumentPage.legendHtml(ontology, messages),
                Html.text(messages.get("coding.shortcuts")), Html.text(messages.get("coding.key.t")), Html.text(messages.get("coding.key.a")),
                Html.text(messages.get("coding.key.r")), Html.text(messages.get("coding.key.jk")), Html.text(messages.get("coding.key.u")),
                tagPopup(messages));
    }

    /**
     * The small dialog that opens beside a text selection (as in Taguette): the quote to be tagged, a type-ahead over the
     * concepts (a combobox with its list box, filled by {@code coding.js}), Enter to tag and Escape to close.
     */
    private static String tagPopup(Messages messages) {
        return """
                <div id="tag-popup" class="tag-popup" role="dialog" aria-labelledby="tag-popup-title" aria-describedby="tag-popup-hint" hidden>
                <h2 id="tag-popup-title">%s</h2>
                <blockquote id="tag-quote" class="tag-quote"></blockquote>
                <form id="tag-form"><label for="concept">%s</label>
                <input id="concept" name="concept" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="concept-options" autocomplete="off" spellcheck="false">
                <ul id="concept-options" class="concept-options" role="listbox" aria-label="%s" hidden></ul>
                <p id="tag-popup-hint" class="hint">%s</p>
                <div class="tag-popup-buttons"><button type="submit" id="tag">%s</button> <button type="button" id="tag-close" class="secondary">%s</button></div>
                </form></div>
                """.formatted(Html.text(messages.get("coding.popup.title")), Html.text(messages.get("coding.concept")),
                Html.text(messages.get("coding.popup.concepts")), Html.text(messages.get("coding.popup.hint")),
                Html.text(messages.get("coding.popup.tag")), Html.text(messages.get("coding.popup.close")));
    }

    private String topLabel(Concept concept, Messages messages) {
        return ontology.topTheme(concept.iri()).filter(top -> !top.iri().equals(concept.iri()))
                .map(top -> messages.label(top)).orElse(messages.get("coding.topTheme"));
    }
}
