package org.lararena.web.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lararena.insights.Insight;
import org.lararena.insights.Insights;
import org.lararena.insights.InsightsEndpoint;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;
import org.lararena.web.auth.WebAuthentication;

/**
 * Insikter: published insights for everyone (filtered by theme), each with its supporting passages as quotes that
 * link back to their place in their document; researchers also see drafts, and create, edit, publish, unpublish
 * and delete insights through forms that carry the session's CSRF token. A quote the caller may not read is left
 * out, and speakers are pseudonymised for non-researchers, as everywhere. In the reader's language ({@link Messages}),
 * theme labels too; an insight's own title and text are as its researcher wrote them.
 */
public final class InsightsPage {

    private static final String SCRIPT = "<script type=\"module\" src=\"/static/js/insights.js\"></script>";
    private static final Pattern PASSAGE_SEPARATORS = Pattern.compile("[\\s,;]+");

    private final RequestWork work;
    private final Insights insights;
    private final Ontology ontology;

    /** @param ontology whose top themes the form and the filter offer, and whose labels the pages show */
    public InsightsPage(RequestWork work, Insights insights, Ontology ontology) {
        this.work = Objects.requireNonNull(work);
        this.insights = Objects.requireNonNull(insights);
        this.ontology = Objects.requireNonNull(ontology);
    }

    /** The top themes the form and the filter offer, IRI to label in the reader's language, in the ontology's order. */
    private Map<String, String> themeChoices(Messages messages) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Concept theme : ontology.topThemes()) {
            choices.put(theme.iri(), messages.label(theme));
        }
        return choices;
    }

    /** A theme's label in the reader's language; a theme the ontology no longer knows as the insights name it. */
    private String themeLabel(String iri, Messages messages) {
        return ontology.concept(iri).map(messages::label).orElseGet(() -> insights.themeLabel(iri));
    }

    public void addRoutes(Router router) {
        BodyHandler form = BodyHandler.create().setBodyLimit(InsightsEndpoint.maxBodyBytes(insights));
        router.get("/insikter").handler(this::list);
        router.get("/insikter/ny").handler(this::newForm);
        router.post("/insikter").handler(form).handler(this::create);
        router.get("/insikter/:id").handler(this::show);
        router.get("/insikter/:id/redigera").handler(this::editForm);
        router.post("/insikter/:id").handler(form).handler(this::update);
        router.post("/insikter/:id/publicera").handler(form).handler(ctx -> setStatus(ctx, Insight.Status.PUBLISHED));
        router.post("/insikter/:id/avpublicera").handler(form).handler(ctx -> setStatus(ctx, Insight.Status.DRAFT));
        router.post("/insikter/:id/ta-bort").handler(form).handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Optional<String> theme = Optional.ofNullable(ctx.queryParams().get("theme")).filter(t -> !t.isBlank());
        Messages messages = Messages.of(ctx);
        work.run(() -> insights.visible(caller, theme)).onSuccess(found -> {
            StringBuilder html = new StringBuilder("<h1>").append(messages.get("insights.title")).append("</h1>");
            if (caller.isResearcher()) {
                html.append("<p class=\"actions\"><a class=\"button\" href=\"/insikter/ny\">").append(messages.get("insights.new")).append("</a></p>");
            }
            html.append("<form class=\"search\" method=\"get\" action=\"/insikter\"><label for=\"theme\">").append(messages.get("insights.theme"))
                    .append("</label><select id=\"theme\" name=\"theme\">")
                    .append("<option value=\"\">").append(messages.get("insights.allThemes")).append("</option>");
            themeChoices(messages).forEach((iri, label) -> html.append("<option value=\"").append(Html.text(iri)).append('"')
                    .append(theme.map(iri::equals).orElse(false) ? " selected" : "").append('>').append(Html.text(label)).append("</option>"));
            html.append("</select><button type=\"submit\">").append(messages.get("insights.filter")).append("</button></form>");
            if (found.isEmpty()) {
                html.append("<p class=\"empty\">").append(messages.get(theme.isPresent() ? "insights.noneWithTheme" : "insights.none")).append("</p>");
            }
            html.append("<ul class=\"insights-list\">");
            for (Insight insight : found) {
                html.append("<li><h2><a href=\"/insikter/").append(Html.url(insight.id())).append("\">").append(Html.text(insight.title())).append("</a>")
                        .append(insight.isPublished() ? "" : " <span class=\"state\">" + messages.get("insights.draft") + "</span>").append("</h2>")
                        .append(themeChips(insight, messages)).append("</li>");
            }
            html.append("</ul>");
            Layout.send(ctx, new Layout.Page(messages.get("insights.title"), "insikter", html.toString()));
        }).onFailure(ctx::fail);
    }

    private void show(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        String id = ctx.pathParam("id");
        Messages messages = Messages.of(ctx);
        work.run(() -> {
            Insight insight = insights.find(id, caller);
            return Map.entry(insight, insights.toJson(insight, caller));
        }).onSuccess(found -> {
            Insight insight = found.getKey();
            JsonObject json = found.getValue();
            StringBuilder html = new StringBuilder("<article class=\"insight\"><h1>").append(Html.text(insight.title())).append("</h1>");
            html.append("<p class=\"meta\">").append(insight.isPublished() ? messages.get("insights.published")
                            : "<span class=\"state\">" + messages.get("insights.draft") + "</span> " + messages.get("insights.draftForResearchers"))
                    // Where a read-only insight is edited matters to those who maintain it, not to its readers.
                    .append(insight.readOnly() && caller.isResearcher() ? " · " + messages.get("insights.fromModules") : "").append("</p>");
            if (!insight.text().isEmpty()) {
                insight.text().lines().filter(l -> !l.isBlank()).forEach(l -> html.append("<p>").append(Html.text(l)).append("</p>"));
            }
            html.append(themeChips(insight, messages));
            JsonArray quotes = json.getJsonArray("quotes");
            if (!quotes.isEmpty()) {
                html.append("<section><h2>").append(messages.get("insights.support")).append("</h2>");
                for (Object item : quotes) {
                    html.append(quote((JsonObject) item, messages));
                }
                html.append("</section>");
            }
            if (caller.isResearcher() && !insight.readOnly()) {
                String csrf = WebAuthentication.csrfToken(ctx);
                String base = "/insikter/" + Html.url(insight.id());
                html.append("<div class=\"actions\"><a class=\"button\" href=\"").append(base).append("/redigera\">").append(messages.get("insights.edit")).append("</a>")
                        .append(postButton(base + (insight.isPublished() ? "/avpublicera" : "/publicera"),
                                messages.get(insight.isPublished() ? "insights.unpublish" : "insights.publish"), csrf))
                        .append(postButton(base + "/ta-bort", messages.get("insights.delete"), csrf)
                                .replace("<form ", "<form data-confirm=\"" + Html.text(messages.get("insights.deleteConfirm")) + "\" "))
                        .append("</div>").append(SCRIPT);
            }
            html.append("<p><a href=\"/insikter\">").append(messages.get("insights.all")).append("</a></p></article>");
            Layout.send(ctx, new Layout.Page(insight.title(), "insikter", html.toString()));
        }).onFailure(ctx::fail);
    }

    private void newForm(RoutingContext ctx) {
        if (!requireResearcherPage(ctx)) {
            return;
        }
        List<String> passages = ctx.queryParams().getAll("passage");
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        Map<String, String> themeChoices = themeChoices(messages);
        work.run(() -> Map.entry(insights.visible(caller, Optional.empty()).stream().filter(i -> !i.readOnly()).toList(),
                insights.passages(passages, caller))).onSuccess(found -> {
            List<Insight> editable = found.getKey();
            Map<String, JsonObject> quotes = found.getValue();
            // A new insight starts with the top themes of the passages it is made from (the index also lists their
            // narrower concepts; the form offers top themes).
            List<String> themes = quotes.values().stream().flatMap(q -> q.getJsonArray("themes", new JsonArray()).stream())
                    .map(String::valueOf).filter(themeChoices::containsKey).distinct().toList();
            StringBuilder html = new StringBuilder("<h1>").append(messages.get("insights.new")).append("</h1>")
                    .append(form(ctx, "/insikter", "", "", themes, passages, quotes, null));
            if (!passages.isEmpty() && !editable.isEmpty()) {
                html.append("<section><h2>").append(messages.get("insights.addToExisting")).append("</h2><ul>");
                String query = passages.stream().map(p -> "passage=" + Html.url(p)).reduce((a, b) -> a + "&" + b).orElse("");
                editable.forEach(i -> html.append("<li><a href=\"/insikter/").append(Html.url(i.id())).append("/redigera?").append(Html.text(query))
                        .append("\">").append(Html.text(i.title())).append("</a>")
                        .append(i.isPublished() ? "" : " <span class=\"state\">" + messages.get("insights.draft") + "</span>").append("</li>"));
                html.append("</ul></section>");
            }
            Layout.send(ctx, new Layout.Page(messages.get("insights.new"), "insikter", html.toString()));
        }).onFailure(ctx::fail);
    }

    private void editForm(RoutingContext ctx) {
        if (!requireResearcherPage(ctx)) {
            return;
        }
        Caller caller = Caller.of(ctx);
        String id = ctx.pathParam("id");
        List<String> added = ctx.queryParams().getAll("passage");
        work.run(() -> {
            Insight insight = insights.find(id, caller);
            List<String> passages = new ArrayList<>(insight.passages());
            passages.addAll(added);
            List<String> all = List.copyOf(new LinkedHashSet<>(passages));
            return new Editing(insight, all, insights.passages(all, caller));
        }).onSuccess(found -> {
            Insight insight = found.insight();
            if (insight.readOnly()) {
                ctx.fail(new LararenaException(409, "conflict", "this insight comes from modules/insights.yaml and is edited there"));
                return;
            }
            String heading = Messages.of(ctx).get("insights.editHeading");
            String html = "<h1>" + heading + "</h1>" + form(ctx, "/insikter/" + Html.url(insight.id()), insight.title(), insight.text(),
                    insight.themes(), found.passages(), found.quotes(), null);
            Layout.send(ctx, new Layout.Page(heading, "insikter", html));
        }).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        JsonObject body = fromForm(ctx.request().formAttributes());
        work.run(() -> insights.create(body, caller))
                .onSuccess(created -> ctx.redirect("/insikter/" + Html.url(created.id())))
                .onFailure(e -> formFailed(ctx, e, "/insikter", Messages.of(ctx).get("insights.new")));
    }

    private void update(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = fromForm(ctx.request().formAttributes());
        work.run(() -> insights.update(id, body, caller))
                .onSuccess(changed -> ctx.redirect("/insikter/" + Html.url(changed.id())))
                .onFailure(e -> formFailed(ctx, e, "/insikter/" + Html.url(id), Messages.of(ctx).get("insights.editHeading")));
    }

    private void setStatus(RoutingContext ctx, Insight.Status status) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        String id = ctx.pathParam("id");
        work.run(() -> insights.setStatus(id, status, caller))
                .onSuccess(changed -> ctx.redirect("/insikter/" + Html.url(changed.id())))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        String id = ctx.pathParam("id");
        work.run(() -> {
            insights.delete(id, caller);
            return null;
        }).onSuccess(v -> ctx.redirect("/insikter")).onFailure(ctx::fail);
    }

    /** A form whose input was refused: shown again with what was typed and what to change (400). */
    private void formFailed(RoutingContext ctx, Throwable failure, String action, String heading) {
        if (!(failure instanceof LararenaException e) || e.status() != 400) {
            ctx.fail(failure);
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        List<String> passages = passagesOf(form);
        work.run(() -> insights.passages(passages, Caller.of(ctx))).onSuccess(quotes -> {
            String html = "<h1>" + Html.text(heading) + "</h1>" + form(ctx, action, nonNull(form.get("title")), nonNull(form.get("text")),
                    form.getAll("theme"), passages, quotes, inReadersWords(e.getMessage(), Messages.of(ctx)));
            ctx.response().setStatusCode(400);
            Layout.send(ctx, new Layout.Page(heading, "insikter", html));
        }).onFailure(ctx::fail);
    }

    /** An insight being edited, with its passages (those it has and those being added) and their quotes as the caller sees them. */
    private record Editing(Insight insight, List<String> passages, Map<String, JsonObject> quotes) {
    }

    /**
     * The insight form. The supporting passages the caller may read show as quotes (text, document, a warning where
     * readers will not see them), each kept by its ticked box; other ids stay in the field for more passages, where the
     * server names what is wrong with them.
     */
    private String form(RoutingContext ctx, String action, String title, String text, List<String> themes, List<String> passages,
                        Map<String, JsonObject> quotes, String error) {
        Messages messages = Messages.of(ctx);
        StringBuilder html = new StringBuilder();
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"form-error\">").append(Html.text(error)).append("</p>");
        }
        html.append(SCRIPT).append("<form class=\"insight\" method=\"post\" action=\"").append(Html.text(action)).append("\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.text(WebAuthentication.csrfToken(ctx))).append("\">")
                .append("<label for=\"title\">").append(messages.get("insights.form.title"))
                .append("</label><input id=\"title\" name=\"title\" type=\"text\" required maxlength=\"")
                .append(Insights.MAX_TITLE_CHARS).append("\" value=\"").append(Html.text(title)).append("\">")
                .append("<label for=\"text\">").append(messages.get("insights.form.text"))
                .append("</label><textarea id=\"text\" name=\"text\" rows=\"6\" maxlength=\"").append(insights.maxTextChars())
                .append("\">").append(Html.text(text)).append("</textarea>")
                .append("<fieldset><legend>").append(messages.get("insights.themes")).append("</legend>");
        Set<String> offered = new LinkedHashSet<>(themeChoices(messages).keySet());
        offered.addAll(themes);
        int n = 0;
        for (String iri : offered) {
            String id = "theme-" + n++;
            html.append("<label for=\"").append(id).append("\"><input type=\"checkbox\" id=\"").append(id).append("\" name=\"theme\" value=\"")
                    .append(Html.text(iri)).append('"').append(themes.contains(iri) ? " checked" : "").append("> ")
                    .append(Html.text(themeLabel(iri, messages))).append("</label>");
        }
        html.append("</fieldset>");
        List<String> quoted = passages.stream().filter(quotes::containsKey).toList();
        if (!quoted.isEmpty()) {
            html.append("<fieldset class=\"supporting\"><legend>").append(messages.get("insights.form.supporting")).append("</legend><ul class=\"form-quotes\">");
            int q = 0;
            for (String id : quoted) {
                String box = "keep-" + q++;
                html.append("<li><input type=\"checkbox\" id=\"").append(box).append("\" name=\"passage\" value=\"").append(Html.text(id))
                        .append("\" checked aria-describedby=\"quote-").append(Html.text(id)).append("\"> <label for=\"").append(box).append("\">")
                        .append(messages.get("insights.form.keepQuote")).append("</label>")
                        .append(quote(quotes.get(id), messages)).append(readersWarning(quotes.get(id), messages)).append("</li>");
            }
            html.append("</ul></fieldset>");
        }
        List<String> unquoted = passages.stream().filter(id -> !quotes.containsKey(id)).toList();
        html.append("<label for=\"passages\">").append(messages.get(quoted.isEmpty() ? "insights.form.supporting" : "insights.form.moreSupporting"))
                .append(' ').append(messages.get("insights.form.passagesHint")).append("</label>")
                .append("<textarea id=\"passages\" name=\"passages\" rows=\"3\">").append(Html.text(String.join("\n", unquoted))).append("</textarea>")
                .append("<div class=\"actions\"><button type=\"submit\" name=\"status\" value=\"draft\">").append(messages.get("insights.form.saveDraft"))
                .append("</button><button type=\"submit\" name=\"status\" value=\"published\">").append(messages.get("insights.form.saveAndPublish"))
                .append("</button></div></form>");
        return html.toString();
    }

    /** The form's fields as the API's JSON. */
    private static JsonObject fromForm(MultiMap form) {
        JsonObject body = new JsonObject().put("title", nonNull(form.get("title"))).put("text", nonNull(form.get("text")))
                .put("themes", new JsonArray(form.getAll("theme"))).put("passages", new JsonArray(passagesOf(form)));
        if (form.get("status") != null) {
            body.put("status", form.get("status"));
        }
        return body;
    }

    /** The passages the form keeps: the quotes ticked, then the ids and links typed in the field, each once. */
    private static List<String> passagesOf(MultiMap form) {
        Set<String> ids = new LinkedHashSet<>(form.getAll("passage"));
        ids.addAll(passageIds(form.get("passages")));
        return List.copyOf(ids);
    }

    /** Says who will not see a quote: readers see only what their role may read, so a published insight shows it to fewer. */
    private static String readersWarning(JsonObject passage, Messages messages) {
        String visibility = String.valueOf(passage.getString("visibility"));
        return switch (visibility) {
            case "restricted", "pilot" -> "<p class=\"warning\" role=\"note\">" + messages.get("insights.form.readers." + visibility) + "</p>";
            default -> "";
        };
    }

    /** Passage ids from pasted text: ids, or links to passages ({@code /dokument/…#id}), separated by lines, spaces or commas. */
    static List<String> passageIds(String pasted) {
        if (pasted == null) {
            return List.of();
        }
        return PASSAGE_SEPARATORS.splitAsStream(pasted).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.contains("#") ? s.substring(s.lastIndexOf('#') + 1) : s).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The API's message (it begins with the field) in the reader's words, with the details it names. */
    private String inReadersWords(String detail, Messages messages) {
        String field = detail.contains(":") ? detail.substring(0, detail.indexOf(':')) : "";
        String rest = detail.contains(":") ? detail.substring(detail.indexOf(':') + 1).strip() : detail;
        return switch (field) {
            case "title" -> messages.get("insights.error.title", Insights.MAX_TITLE_CHARS, rest);
            case "text" -> messages.get("insights.error.text", String.format("%,d", insights.maxTextChars()).replace(',', ' '), rest);
            case "themes", "passages" -> messages.get("insights.error." + field, rest);
            default -> detail;
        };
    }

    private String themeChips(Insight insight, Messages messages) {
        if (insight.themes().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"chips\" aria-label=\"").append(messages.get("insights.themes")).append("\">");
        insight.themes().forEach(iri -> html.append("<li><a href=\"/insikter?theme=").append(Html.url(iri)).append("\">")
                .append(Html.text(themeLabel(iri, messages))).append("</a></li>"));
        return html.append("</ul>").toString();
    }

    private static String quote(JsonObject passage, Messages messages) {
        String link = DocumentPage.passageHref(passage.getString("documentId"), passage.getString("passageId"));
        StringBuilder html = new StringBuilder("<blockquote class=\"quote\" id=\"quote-").append(Html.text(passage.getString("passageId"))).append("\"><p>")
                .append(Html.text(passage.getString("text"))).append("</p><footer>");
        if (passage.getString("speaker") != null) {
            html.append(Html.text(passage.getString("speaker"))).append(", ");
        }
        html.append("<a href=\"").append(Html.text(link)).append("\">").append(Html.text(passage.getString("title"))).append("</a>");
        if (passage.getInteger("page") != null) {
            html.append(", ").append(messages.get("insights.page", passage.getInteger("page")));
        }
        return html.append("</footer></blockquote>").toString();
    }

    private static String postButton(String action, String label, String csrf) {
        return "<form class=\"once\" method=\"post\" action=\"" + Html.text(action) + "\"><input type=\"hidden\" name=\"_csrf\" value=\"" + Html.text(csrf)
                + "\"><button type=\"submit\">" + Html.text(label) + "</button></form>";
    }

    /** Anonymous callers are sent to log in; other roles than researcher get 403. */
    private static boolean requireResearcherPage(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == Caller.ANONYMOUS) {
            String query = ctx.request().query();
            ctx.redirect("/login?next=" + Html.url(ctx.request().path() + (query == null ? "" : "?" + query)));
            return false;
        }
        caller.require(Caller.RESEARCHER);
        return true;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
