package org.lararena.web.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.lararena.codebook.CodebookActions;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;
import org.lararena.web.auth.WebAuthentication;

/**
 * Kodbok (researchers): the theme scheme as a tree with each concept's annotation count, colour and whether it is
 * deprecated; choosing a concept opens forms to change its labels, definition, synonyms and colour, to move it, to
 * merge it into another and to deprecate it, beside a form to add a concept, the change log and the QDC export. Plain
 * forms that work without scripts; a refused change shows the page again (with the status) and the rule it broke. In the
 * reader's language ({@link Messages}), the concepts' labels too; the fields that hold a concept's Swedish and English
 * labels show them as they are.
 */
public final class CodebookPage {

    private static final String PATH = "/kodbok";
    private static final int CHANGES_SHOWN = 20;

    private final RequestWork work;
    private final CodebookActions actions;

    public CodebookPage(RequestWork work, CodebookActions actions) {
        this.work = Objects.requireNonNull(work);
        this.actions = Objects.requireNonNull(actions);
    }

    public void addRoutes(Router router) {
        BodyHandler form = BodyHandler.create().setBodyLimit(64 * 1024);
        router.get(PATH).handler(this::page);
        router.post(PATH + "/begrepp").handler(form).handler(ctx -> change(ctx, null,
                (caller, f) -> actions.add(caller, CodebookActions.iri(f.get("broader")), draft(f, null))));
        router.post(PATH + "/begrepp/:id").handler(form).handler(ctx -> change(ctx, ctx.pathParam("id"),
                (caller, f) -> actions.edit(caller, CodebookActions.iri(ctx.pathParam("id")), draft(f, null))));
        router.post(PATH + "/begrepp/:id/flytta").handler(form).handler(ctx -> change(ctx, ctx.pathParam("id"),
                (caller, f) -> actions.edit(caller, CodebookActions.iri(ctx.pathParam("id")),
                        new ConceptDraft(null, null, null, null, null, required(f, "broader", Messages.of(ctx).get("codebook.error.moveTo"))))));
        router.post(PATH + "/begrepp/:id/sla-ihop").handler(form).handler(ctx -> change(ctx, ctx.pathParam("id"),
                (caller, f) -> actions.merge(caller, CodebookActions.iri(ctx.pathParam("id")),
                        required(f, "into", Messages.of(ctx).get("codebook.error.mergeInto")))));
        router.post(PATH + "/begrepp/:id/utga").handler(form).handler(ctx -> change(ctx, ctx.pathParam("id"),
                (caller, f) -> actions.deprecate(caller, CodebookActions.iri(ctx.pathParam("id")))));
        router.post(PATH + "/forslag/:id/godta").handler(form).handler(ctx -> change(ctx, null,
                (caller, f) -> actions.acceptProposal(caller, ctx.pathParam("id"))));
        router.post(PATH + "/forslag/:id/avvisa").handler(form).handler(this::rejectProposal);
    }

    @FunctionalInterface
    private interface Change {
        JsonObject apply(Caller caller, MultiMap form);
    }

    private void page(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == Caller.ANONYMOUS) {
            ctx.redirect("/login?next=" + Html.url(Layout.here(ctx)));
            return;
        }
        caller.require(Caller.RESEARCHER);
        String selected = ctx.queryParams().get("begrepp");
        String done = ctx.queryParams().get("sparat");
        Messages messages = Messages.of(ctx);
        String saved = done != null ? messages.get("codebook.saved", done)
                : ctx.queryParams().get("avvisat") != null ? messages.get("codebook.rejected") : null;
        work.run(() -> state())
                .onSuccess(state -> send(ctx, state, selected, saved, null))
                .onFailure(ctx::fail);
    }

    /** What the page shows: the tree, the change log and the open synonym proposals. */
    private JsonObject state() {
        return new JsonObject().put("tree", actions.tree()).put("changes", actions.changes()).put("proposals", actions.proposals());
    }

    /** Rejects a proposal from its form and comes back to the proposals. */
    private void rejectProposal(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        work.run(() -> actions.rejectProposal(caller, ctx.pathParam("id")))
                .onSuccess(answer -> ctx.redirect(PATH + "?avvisat=1#forslag"))
                .onFailure(ctx::fail);
    }

    /** Runs a change from a form; on success back to the concept, on a refusal the page again with the reason. */
    private void change(RoutingContext ctx, String selected, Change change) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        MultiMap form = ctx.request().formAttributes();
        // Chosen here, on the event loop, where a change's own refusal (worded on the worker) finds it.
        Messages messages = Messages.of(ctx);
        work.run(() -> change.apply(caller, form))
                .onSuccess(answer -> ctx.redirect(PATH + "?begrepp=" + Html.url(answer.getJsonObject("concept").getString("id"))
                        + "&sparat=" + Html.url(answer.getString("version")) + "#valt"))
                .onFailure(failure -> {
                    if (!(failure instanceof LararenaException e) || !e.isClientError() || e.status() == 403) {
                        ctx.fail(failure);
                        return;
                    }
                    work.run(this::state)
                            .onSuccess(state -> {
                                ctx.response().setStatusCode(e.status());
                                send(ctx, state, selected, null, messages.get("codebook.notSaved", e.getMessage()));
                            })
                            .onFailure(ctx::fail);
                });
    }

    private void send(RoutingContext ctx, JsonObject state, String selected, String saved, String error) {
        JsonObject tree = state.getJsonObject("tree");
        String csrf = WebAuthentication.csrfToken(ctx);
        Messages messages = Messages.of(ctx);
        Function<JsonObject, String> label = labels(actions.ontology(), messages);
        JsonArray concepts = tree.getJsonArray("concepts");
        JsonObject chosen = selected == null ? null : find(concepts, selected);
        StringBuilder html = new StringBuilder("<h1>").append(messages.get("codebook.title")).append("</h1>")
                .append("<p>").append(messages.get("codebook.intro", "<strong>" + Html.text(tree.getString("version")) + "</strong>")).append("</p>")
                .append("<p class=\"actions\"><a class=\"button\" href=\"/api/export.qdc\" download>").append(messages.get("codebook.export")).append("</a></p>")
                // The file goes to the import's preview, where each code is mapped, made a new concept or skipped.
                .append("<form class=\"import\" method=\"post\" action=\"/import/qdc\" enctype=\"multipart/form-data\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.text(csrf)).append("\">")
                .append("<label for=\"import-qdc\">").append(messages.get("codebook.import")).append("</label>")
                .append("<input id=\"import-qdc\" name=\"file\" type=\"file\" accept=\".qdc,application/xml,text/xml\" required>")
                .append("<button type=\"submit\">").append(messages.get("doc.importPreview")).append("</button></form>");
        if (saved != null) {
            html.append("<p class=\"notice\" role=\"status\">").append(Html.text(saved)).append(' ')
                    .append(Html.text(messages.get("codebook.labelsNotice"))).append("</p>");
        }
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"form-error\">").append(Html.text(error)).append("</p>");
        }
        JsonArray conflicts = tree.getJsonArray("conflicts");
        if (!conflicts.isEmpty()) {
            html.append("<section aria-labelledby=\"konflikter\"><h2 id=\"konflikter\">").append(messages.get("codebook.conflicts")).append("</h2><ul>");
            conflicts.forEach(c -> html.append("<li>").append(Html.text(c)).append("</li>"));
            html.append("</ul></section>");
        }
        String options = options(concepts, 0, new StringBuilder(), label).toString();
        // The add form sits with the chosen concept (a narrower one is the usual addition), else after the tree.
        String addForm = "<section aria-labelledby=\"lagg-till\"><h2 id=\"lagg-till\">" + messages.get("codebook.add") + "</h2>"
                + open(PATH + "/begrepp", csrf, "codebook-add")
                + "<label for=\"add-broader\">" + messages.get("codebook.add.broader") + "</label><select id=\"add-broader\" name=\"broader\" required>"
                + selectedOption(options, chosen == null ? null : chosen.getString("id"), messages) + "</select>"
                + fields("add", null, messages) + "<button type=\"submit\">" + messages.get("codebook.add.submit") + "</button></form></section>";
        if (chosen != null) {
            html.append(chosenForms(chosen, options, csrf, label, messages));
            if (!chosen.getBoolean("deprecated")) {
                html.append(addForm);
            }
        } else {
            html.append("<p><a href=\"#lagg-till\">").append(messages.get("codebook.add")).append("</a> · ").append(messages.get("codebook.chooseHint"))
                    .append("</p>");
        }
        html.append(proposals(state.getJsonArray("proposals", new JsonArray()), csrf, label, messages));
        html.append("<section aria-labelledby=\"trad\"><h2 id=\"trad\">").append(messages.get("codebook.tree")).append("</h2><ul class=\"codebook-tree\">");
        concepts.forEach(c -> tree(html, (JsonObject) c, selected, label, messages));
        html.append("</ul></section>");
        if (chosen == null || chosen.getBoolean("deprecated")) {
            html.append(addForm);
        }
        html.append("<section aria-labelledby=\"logg\"><h2 id=\"logg\">").append(messages.get("codebook.log")).append("</h2>");
        JsonArray changes = state.getJsonArray("changes");
        if (changes.isEmpty()) {
            html.append("<p>").append(messages.get("codebook.log.empty")).append("</p>");
        } else {
            html.append("<ol class=\"codebook-log\">");
            changes.stream().limit(CHANGES_SHOWN).map(JsonObject.class::cast).forEach(change -> html.append("<li><time datetime=\"")
                    .append(Html.text(change.getString("at"))).append("\">").append(Html.text(change.getString("at").replace('T', ' ').substring(0, 16)))
                    .append("</time> ").append(Html.text(change.getString("user"))).append(' ')
                    .append(Html.text(change.getString(messages.isEnglish() ? "descriptionEn" : "description")))
                    .append(' ').append(messages.get("codebook.log.version", Html.text(change.getString("version")))).append("</li>"));
            html.append("</ol>");
        }
        html.append("</section>");
        Layout.send(ctx, new Layout.Page(messages.get("codebook.title"), "kodbok", html.toString()));
    }

    /**
     * How the page names a concept of the tree (or a proposal's concept): its label in the reader's language
     * ({@link Messages#label}), from the running ontology; one it does not know (yet) by the Swedish label it came with.
     */
    static Function<JsonObject, String> labels(Ontology ontology, Messages messages) {
        return concept -> ontology.concept(concept.getString("iri")).map(messages::label)
                .orElseGet(() -> concept.getString("labelSv", concept.getString("label")));
    }

    /** The synonyms the team's manual tags propose, each with a form to accept it and one to reject it. */
    private static String proposals(JsonArray proposals, String csrf, Function<JsonObject, String> label, Messages messages) {
        if (proposals.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"forslag\"><h2 id=\"forslag\">").append(messages.get("codebook.proposals"))
                .append("</h2><p>").append(messages.get("codebook.proposals.hint")).append("</p><ul class=\"codebook-proposals\">");
        for (Object item : proposals) {
            JsonObject proposal = (JsonObject) item;
            String id = Html.url(proposal.getString("id"));
            String what = messages.get("codebook.proposal", proposal.getString("term"), label.apply(proposal.getJsonObject("concept")));
            html.append("<li><span class=\"proposal\">").append(Html.text(what)).append(' ')
                    .append(messages.get("codebook.proposal.passages", proposal.getInteger("passages"))).append("</span> ")
                    .append(open(PATH + "/forslag/" + id + "/godta", csrf, "proposal-accept")).append("<button type=\"submit\" aria-label=\"")
                    .append(Html.text(messages.get("codebook.proposal.acceptLabel", what))).append("\">").append(messages.get("codebook.proposal.accept"))
                    .append("</button></form> ")
                    .append(open(PATH + "/forslag/" + id + "/avvisa", csrf, "proposal-reject")).append("<button type=\"submit\" aria-label=\"")
                    .append(Html.text(messages.get("codebook.proposal.rejectLabel", what))).append("\">").append(messages.get("codebook.proposal.reject"))
                    .append("</button></form></li>");
        }
        return html.append("</ul></section>").toString();
    }

    /** The forms for the chosen concept: edit, move, merge, deprecate (a deprecated one only shows what it was). */
    private static String chosenForms(JsonObject concept, String options, String csrf, Function<JsonObject, String> label, Messages messages) {
        String id = concept.getString("id");
        String base = PATH + "/begrepp/" + Html.url(id);
        StringBuilder html = new StringBuilder("<section id=\"valt\" aria-labelledby=\"valt-rubrik\" tabindex=\"-1\"><h2 id=\"valt-rubrik\">")
                .append(Html.text(label.apply(concept))).append("</h2>");
        if (concept.getString("definition") != null) {
            html.append("<p>").append(Html.text(concept.getString("definition"))).append("</p>");
        }
        html.append("<p>").append(messages.counted("codebook.annotations", concept.getLong("annotations"))).append("</p>");
        if (concept.getBoolean("deprecated")) {
            String into = concept.getString("replacedBy");
            // The concept it was merged into by its label, as the page names concepts; by its id if the ontology lacks it.
            html.append("<p class=\"notice\">").append(into == null ? messages.get("codebook.deprecated")
                            : messages.get("codebook.deprecated.merged", Html.text(label.apply(new JsonObject().put("iri", into)
                                    .put("label", CodebookActions.id(into))))))
                    .append("</p></section>");
            return html.toString();
        }
        String choose = "<option value=\"\">" + messages.get("codebook.choose") + "</option>";
        html.append("<h3>").append(messages.get("codebook.edit")).append("</h3>").append(open(base, csrf, "codebook-edit")).append(fields("edit", concept, messages))
                .append("<button type=\"submit\">").append(messages.get("codebook.edit.submit")).append("</button></form>");
        boolean top = concept.getJsonArray("broader").isEmpty();
        if (top) {
            html.append("<p>").append(messages.get("codebook.topTheme")).append("</p>");
        } else {
            html.append("<h3>").append(messages.get("codebook.move")).append("</h3>").append(open(base + "/flytta", csrf, "codebook-move"))
                    .append("<label for=\"move-broader\">").append(messages.get("codebook.move.to"))
                    .append("</label><select id=\"move-broader\" name=\"broader\" required>")
                    .append(choose).append(options).append("</select>")
                    .append("<button type=\"submit\">").append(messages.get("codebook.move.submit")).append("</button></form>")
                    .append("<h3>").append(messages.get("codebook.merge")).append("</h3>").append(open(base + "/sla-ihop", csrf, "codebook-merge"))
                    .append("<label for=\"merge-into\">").append(messages.get("codebook.merge.into")).append("</label>")
                    .append("<select id=\"merge-into\" name=\"into\" required>").append(choose).append(options)
                    .append("</select><button type=\"submit\">").append(messages.get("codebook.merge.submit")).append("</button></form>")
                    .append("<h3>").append(messages.get("codebook.deprecate")).append("</h3>").append(open(base + "/utga", csrf, "codebook-deprecate"))
                    .append("<p>").append(messages.get("codebook.deprecate.hint")).append("</p>")
                    .append("<button type=\"submit\" class=\"danger\">").append(messages.get("codebook.deprecate.submit")).append("</button></form>");
        }
        return html.append("</section>").toString();
    }

    /** The text fields of a concept, filled from {@code concept} when editing (its labels as they are, in both languages). */
    private static String fields(String prefix, JsonObject concept, Messages messages) {
        Function<String, String> value = key -> concept == null || concept.getValue(key) == null ? "" : Html.text(concept.getValue(key));
        String synonyms = concept == null ? "" : Html.text(String.join("\n", concept.getJsonArray("synonyms").stream().map(String::valueOf).toList()));
        return ("<label for=\"%1$s-labelSv\">%7$s</label><input id=\"%1$s-labelSv\" name=\"labelSv\" type=\"text\" required maxlength=\"200\" value=\"%2$s\">"
                + "<label for=\"%1$s-labelEn\">%8$s</label><input id=\"%1$s-labelEn\" name=\"labelEn\" type=\"text\" maxlength=\"200\" lang=\"en\" value=\"%3$s\">"
                + "<label for=\"%1$s-definition\">%9$s</label><textarea id=\"%1$s-definition\" name=\"definition\" rows=\"3\" required maxlength=\"2000\">%4$s</textarea>"
                + "<label for=\"%1$s-synonyms\">%10$s</label><textarea id=\"%1$s-synonyms\" name=\"synonyms\" rows=\"3\" aria-describedby=\"%1$s-synonyms-help\">%5$s</textarea>"
                + "<p id=\"%1$s-synonyms-help\" class=\"help\">%11$s</p>"
                + "<label for=\"%1$s-colour\">%12$s</label><input id=\"%1$s-colour\" name=\"colour\" type=\"text\" pattern=\"#[0-9a-fA-F]{6}\" placeholder=\"#1f77b4\" value=\"%6$s\">")
                .formatted(prefix, value.apply("labelSv"), value.apply("labelEn"), value.apply("definition"), synonyms, value.apply("colour"),
                        messages.get("codebook.field.labelSv"), messages.get("codebook.field.labelEn"), messages.get("codebook.field.definition"),
                        messages.get("codebook.field.synonyms"), messages.get("codebook.field.synonymsHelp"), messages.get("codebook.field.colour"));
    }

    private static ConceptDraft draft(MultiMap form, String broader) {
        String synonyms = form.get("synonyms");
        List<String> list = synonyms == null ? null : Arrays.stream(synonyms.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ConceptDraft(form.get("labelSv"), form.get("labelEn"), form.get("definition"), list, form.get("colour"), broader);
    }

    private static String required(MultiMap form, String field, String message) {
        String value = CodebookActions.iri(form.get(field));
        if (value == null) {
            throw LararenaException.badRequest(message);
        }
        return value;
    }

    private static String open(String action, String csrf, String cssClass) {
        return "<form class=\"" + cssClass + "\" method=\"post\" action=\"" + Html.text(action) + "\"><input type=\"hidden\" name=\"_csrf\" value=\""
                + Html.text(csrf) + "\">";
    }

    /** One option per concept that is not deprecated, named by {@code label}, indented by depth, in tree order. */
    static StringBuilder options(JsonArray concepts, int depth, StringBuilder out, Function<JsonObject, String> label) {
        for (Object o : concepts) {
            JsonObject concept = (JsonObject) o;
            if (concept.getBoolean("deprecated")) {
                continue;
            }
            out.append("<option value=\"").append(Html.text(concept.getString("id"))).append("\">").append("\u2003".repeat(depth))
                    .append(Html.text(label.apply(concept))).append("</option>");
            options(concept.getJsonArray("narrower"), depth + 1, out, label);
        }
        return out;
    }

    static String selectedOption(String options, String id, Messages messages) {
        String empty = "<option value=\"\">" + messages.get("codebook.choose") + "</option>";
        if (id == null) {
            return empty + options;
        }
        String marker = "<option value=\"" + Html.text(id) + "\">";
        return empty + options.replace(marker, "<option value=\"" + Html.text(id) + "\" selected>");
    }

    private static void tree(StringBuilder html, JsonObject concept, String selected, Function<JsonObject, String> label, Messages messages) {
        String id = concept.getString("id");
        boolean deprecated = concept.getBoolean("deprecated");
        html.append("<li").append(deprecated ? " class=\"deprecated\"" : "").append(">");
        if (concept.getString("colour") != null) {
            html.append("<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"")
                    .append(Html.text(concept.getString("colour"))).append("\"/></svg> ");
        }
        html.append("<a href=\"").append(PATH).append("?begrepp=").append(Html.url(id)).append("#valt\"")
                .append(id.equals(selected) ? " aria-current=\"true\"" : "").append(">").append(Html.text(label.apply(concept))).append("</a>")
                .append(" <span class=\"count\">(").append(concept.getLong("annotations")).append(")</span>");
        if (deprecated) {
            html.append(" <span class=\"badge\">").append(messages.get("codebook.deprecatedBadge")).append("</span>");
        }
        JsonArray narrower = concept.getJsonArray("narrower");
        if (!narrower.isEmpty()) {
            html.append("<ul>");
            narrower.forEach(child -> tree(html, (JsonObject) child, selected, label, messages));
            html.append("</ul>");
        }
        html.append("</li>");
    }

    private static JsonObject find(JsonArray concepts, String id) {
        for (Object o : concepts) {
            JsonObject concept = (JsonObject) o;
            if (concept.getString("id").equals(id)) {
                return concept;
            }
            JsonObject found = find(concept.getJsonArray("narrower"), id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
