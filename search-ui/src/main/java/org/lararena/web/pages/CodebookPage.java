package org.lararena.web.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.lararena.codebook.CodebookActions;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.auth.WebAuthentication;

/**
 * Kodbok (researchers): the theme scheme as a tree with each concept's annotation count, colour and whether it is
 * deprecated; choosing a concept opens forms to change its labels, definition, synonyms and colour, to move it, to
 * merge it into another and to deprecate it, beside a form to add a concept, the change log and the QDC export. Plain
 * forms that work without scripts; a refused change shows the page again (with the status) and the rule it broke.
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
                        new ConceptDraft(null, null, null, null, null, required(f, "broader", "Välj det begrepp det ska flyttas till.")))));
        router.post(PATH + "/begrepp/:id/sla-ihop").handler(form).handler(ctx -> change(ctx, ctx.pathParam("id"),
                (caller, f) -> actions.merge(caller, CodebookActions.iri(ctx.pathParam("id")),
                        required(f, "into", "Välj det begrepp det ska slås ihop med."))));
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
        String saved = done != null ? "Ändringen är sparad: ontologin har nu version " + done + "."
                : ctx.queryParams().get("avvisat") != null ? "Förslaget är avvisat och föreslås inte igen." : null;
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
                                send(ctx, state, selected, null, "Ändringen gjordes inte: " + e.getMessage());
                            })
                            .onFailure(ctx::fail);
                });
    }

    private static void send(RoutingContext ctx, JsonObject state, String selected, String saved, String error) {
        JsonObject tree = state.getJsonObject("tree");
        String csrf = WebAuthentication.csrfToken(ctx);
        JsonArray concepts = tree.getJsonArray("concepts");
        JsonObject chosen = selected == null ? null : find(concepts, selected);
        StringBuilder html = new StringBuilder("<h1>Kodbok</h1>")
                .append("<p>Temaschemats begrepp som annoteraren föreslår och forskare kodar med. Ändringar prövas mot ontologins regler ")
                .append("(SHACL) innan de sparas, loggas och gäller direkt i sökning, kodning och annotering. Ontologins version: <strong>")
                .append(Html.text(tree.getString("version"))).append("</strong>.</p>")
                .append("<p class=\"actions\"><a class=\"button\" href=\"/api/export.qdc\" download>Exportera kodboken (QDC)</a></p>")
                // The file goes to the import's preview, where each code is mapped, made a new concept or skipped.
                .append("<form class=\"import\" method=\"post\" action=\"/import/qdc\" enctype=\"multipart/form-data\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.text(csrf)).append("\">")
                .append("<label for=\"import-qdc\">Importera en kodbok (QDC)</label>")
                .append("<input id=\"import-qdc\" name=\"file\" type=\"file\" accept=\".qdc,application/xml,text/xml\" required>")
                .append("<button type=\"submit\">Förhandsgranska importen</button></form>");
        if (saved != null) {
            html.append("<p class=\"notice\" role=\"status\">").append(Html.text(saved)).append(' ')
                    .append(Html.text(CodebookActions.LABELS_NOTICE)).append("</p>");
        }
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"form-error\">").append(Html.text(error)).append("</p>");
        }
        JsonArray conflicts = tree.getJsonArray("conflicts");
        if (!conflicts.isEmpty()) {
            html.append("<section aria-labelledby=\"konflikter\"><h2 id=\"konflikter\">Konflikter med den levererade ontologin</h2><ul>");
            conflicts.forEach(c -> html.append("<li>").append(Html.text(c)).append("</li>"));
            html.append("</ul></section>");
        }
        String options = options(concepts, 0, new StringBuilder()).toString();
        // The add form sits with the chosen concept (a narrower one is the usual addition), else after the tree.
        String addForm = "<section aria-labelledby=\"lagg-till\"><h2 id=\"lagg-till\">Lägg till begrepp</h2>"
                + open(PATH + "/begrepp", csrf, "codebook-add")
                + "<label for=\"add-broader\">Under begreppet</label><select id=\"add-broader\" name=\"broader\" required>"
                + selectedOption(options, chosen == null ? null : chosen.getString("id")) + "</select>"
                + fields("add", null) + "<button type=\"submit\">Lägg till</button></form></section>";
        if (chosen != null) {
            html.append(chosenForms(chosen, options, csrf));
            if (!chosen.getBoolean("deprecated")) {
                html.append(addForm);
            }
        } else {
            html.append("<p><a href=\"#lagg-till\">Lägg till begrepp</a> · välj ett begrepp i trädet för att ändra det.</p>");
        }
        html.append(proposals(state.getJsonArray("proposals", new JsonArray()), csrf));
        html.append("<section aria-labelledby=\"trad\"><h2 id=\"trad\">Begreppsträd</h2><ul class=\"codebook-tree\">");
        concepts.forEach(c -> tree(html, (JsonObject) c, selected));
        html.append("</ul></section>");
        if (chosen == null || chosen.getBoolean("deprecated")) {
            html.append(addForm);
        }
        html.append("<section aria-labelledby=\"logg\"><h2 id=\"logg\">Ändringslogg</h2>");
        JsonArray changes = state.getJsonArray("changes");
        if (changes.isEmpty()) {
            html.append("<p>Inga ändringar ännu: kodboken är den levererade ontologins.</p>");
        } else {
            html.append("<ol class=\"codebook-log\">");
            changes.stream().limit(CHANGES_SHOWN).map(JsonObject.class::cast).forEach(change -> html.append("<li><time datetime=\"")
                    .append(Html.text(change.getString("at"))).append("\">").append(Html.text(change.getString("at").replace('T', ' ').substring(0, 16)))
                    .append("</time> ").append(Html.text(change.getString("user"))).append(' ').append(Html.text(change.getString("description")))
                    .append(" (version ").append(Html.text(change.getString("version"))).append(")</li>"));
            html.append("</ol>");
        }
        html.append("</section>");
        Layout.send(ctx, new Layout.Page("Kodbok", "kodbok", html.toString()));
    }

    /** The synonyms the team's manual tags propose, each with a form to accept it and one to reject it. */
    private static String proposals(JsonArray proposals, String csrf) {
        if (proposals.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"forslag\"><h2 id=\"forslag\">Förslag till synonymer</h2>")
                .append("<p>Ord som forskare ofta har kodat för hand och som ingen etikett eller synonym täcker. Godtas ett förslag blir ")
                .append("ordet en synonym till begreppet; ett avvisat förslag föreslås inte igen.</p><ul class=\"codebook-proposals\">");
        for (Object item : proposals) {
            JsonObject proposal = (JsonObject) item;
            String id = Html.url(proposal.getString("id"));
            String what = "”" + proposal.getString("term") + "” som synonym till " + proposal.getJsonObject("concept").getString("label");
            html.append("<li><span class=\"proposal\">").append(Html.text(what)).append(" (kodat i ").append(proposal.getInteger("passages"))
                    .append(" stycken)</span> ")
                    .append(open(PATH + "/forslag/" + id + "/godta", csrf, "proposal-accept")).append("<button type=\"submit\" aria-label=\"")
                    .append(Html.text("Godta " + what)).append("\">Godta</button></form> ")
                    .append(open(PATH + "/forslag/" + id + "/avvisa", csrf, "proposal-reject")).append("<button type=\"submit\" aria-label=\"")
                    .append(Html.text("Avvisa " + what)).append("\">Avvisa</button></form></li>");
        }
        return html.append("</ul></section>").toString();
    }

    /** The forms for the chosen concept: edit, move, merge, deprecate (a deprecated one only shows what it was). */
    private static String chosenForms(JsonObject concept, String options, String csrf) {
        String id = concept.getString("id");
        String base = PATH + "/begrepp/" + Html.url(id);
        StringBuilder html = new StringBuilder("<section id=\"valt\" aria-labelledby=\"valt-rubrik\" tabindex=\"-1\"><h2 id=\"valt-rubrik\">")
                .append(Html.text(concept.getString("labelSv"))).append("</h2>");
        if (concept.getString("definition") != null) {
            html.append("<p>").append(Html.text(concept.getString("definition"))).append("</p>");
        }
        html.append("<p>").append(concept.getLong("annotations")).append(" annoteringar ger passager detta tema.</p>");
        if (concept.getBoolean("deprecated")) {
            html.append("<p class=\"notice\">Begreppet har utgått och finns kvar för historikens skull")
                    .append(concept.getString("replacedBy") == null ? "" : "; det är ihopslaget med "
                            + Html.text(CodebookActions.id(concept.getString("replacedBy"))))
                    .append(". Det föreslås inte längre och kan inte ändras.</p></section>");
            return html.toString();
        }
        html.append("<h3>Ändra</h3>").append(open(base, csrf, "codebook-edit")).append(fields("edit", concept))
                .append("<button type=\"submit\">Spara ändringen</button></form>");
        boolean top = concept.getJsonArray("broader").isEmpty();
        if (top) {
            html.append("<p>Ett av de nitton toppteman: det kan inte flyttas, slås ihop eller utgå.</p>");
        } else {
            html.append("<h3>Flytta</h3>").append(open(base + "/flytta", csrf, "codebook-move"))
                    .append("<label for=\"move-broader\">Till under begreppet</label><select id=\"move-broader\" name=\"broader\" required>")
                    .append("<option value=\"\">Välj…</option>").append(options).append("</select>")
                    .append("<button type=\"submit\">Flytta</button></form>")
                    .append("<h3>Slå ihop</h3>").append(open(base + "/sla-ihop", csrf, "codebook-merge"))
                    .append("<label for=\"merge-into\">Slå ihop med (annoteringarna flyttas dit; detta begrepp utgår)</label>")
                    .append("<select id=\"merge-into\" name=\"into\" required><option value=\"\">Välj…</option>").append(options)
                    .append("</select><button type=\"submit\">Slå ihop</button></form>")
                    .append("<h3>Utgå</h3>").append(open(base + "/utga", csrf, "codebook-deprecate"))
                    .append("<p>Begreppet finns kvar för historikens skull men föreslås inte längre och kan inte väljas vid kodning.</p>")
                    .append("<button type=\"submit\" class=\"danger\">Låt begreppet utgå</button></form>");
        }
        return html.append("</section>").toString();
    }

    /** The text fields of a concept, filled from {@code concept} when editing. */
    private static String fields(String prefix, JsonObject concept) {
        Function<String, String> value = key -> concept == null || concept.getValue(key) == null ? "" : Html.text(concept.getValue(key));
        String synonyms = concept == null ? "" : Html.text(String.join("\n", concept.getJsonArray("synonyms").stream().map(String::valueOf).toList()));
        return ("<label for=\"%1$s-labelSv\">Svensk etikett</label><input id=\"%1$s-labelSv\" name=\"labelSv\" type=\"text\" required maxlength=\"200\" value=\"%2$s\">"
                + "<label for=\"%1$s-labelEn\">Engelsk etikett (valfri)</label><input id=\"%1$s-labelEn\" name=\"labelEn\" type=\"text\" maxlength=\"200\" lang=\"en\" value=\"%3$s\">"
                + "<label for=\"%1$s-definition\">Definition</label><textarea id=\"%1$s-definition\" name=\"definition\" rows=\"3\" required maxlength=\"2000\">%4$s</textarea>"
                + "<label for=\"%1$s-synonyms\">Synonymer (en per rad)</label><textarea id=\"%1$s-synonyms\" name=\"synonyms\" rows=\"3\" aria-describedby=\"%1$s-synonyms-help\">%5$s</textarea>"
                + "<p id=\"%1$s-synonyms-help\" class=\"help\">Ord och böjningsformer som annoteraren ska känna igen begreppet på.</p>"
                + "<label for=\"%1$s-colour\">Färg (valfri, #rrggbb)</label><input id=\"%1$s-colour\" name=\"colour\" type=\"text\" pattern=\"#[0-9a-fA-F]{6}\" placeholder=\"#1f77b4\" value=\"%6$s\">")
                .formatted(prefix, value.apply("labelSv"), value.apply("labelEn"), value.apply("definition"), synonyms, value.apply("colour"));
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

    /** One option per concept that is not deprecated, indented by depth, in tree order. */
    static StringBuilder options(JsonArray concepts, int depth, StringBuilder out) {
        for (Object o : concepts) {
            JsonObject concept = (JsonObject) o;
            if (concept.getBoolean("deprecated")) {
                continue;
            }
            out.append("<option value=\"").append(Html.text(concept.getString("id"))).append("\">").append("\u2003".repeat(depth))
                    .append(Html.text(concept.getString("labelSv"))).append("</option>");
            options(concept.getJsonArray("narrower"), depth + 1, out);
        }
        return out;
    }

    static String selectedOption(String options, String id) {
        String empty = "<option value=\"\">Välj…</option>";
        if (id == null) {
            return empty + options;
        }
        String marker = "<option value=\"" + Html.text(id) + "\">";
        return empty + options.replace(marker, "<option value=\"" + Html.text(id) + "\" selected>");
    }

    private static void tree(StringBuilder html, JsonObject concept, String selected) {
        String id = concept.getString("id");
        boolean deprecated = concept.getBoolean("deprecated");
        html.append("<li").append(deprecated ? " class=\"deprecated\"" : "").append(">");
        if (concept.getString("colour") != null) {
            html.append("<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"")
                    .append(Html.text(concept.getString("colour"))).append("\"/></svg> ");
        }
        html.append("<a href=\"").append(PATH).append("?begrepp=").append(Html.url(id)).append("#valt\"")
                .append(id.equals(selected) ? " aria-current=\"true\"" : "").append(">").append(Html.text(concept.getString("labelSv"))).append("</a>")
                .append(" <span class=\"count\">(").append(concept.getLong("annotations")).append(")</span>");
        if (deprecated) {
            html.append(" <span class=\"badge\">utgått</span>");
        }
        JsonArray narrower = concept.getJsonArray("narrower");
        if (!narrower.isEmpty()) {
            html.append("<ul>");
            narrower.forEach(child -> tree(html, (JsonObject) child, selected));
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
