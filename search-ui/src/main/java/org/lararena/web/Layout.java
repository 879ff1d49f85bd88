package org.lararena.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.lararena.platform.web.Caller;
import org.lararena.search.AnalysisEndpoint;
import org.lararena.web.auth.WebAuthentication;

/**
 * The frame of every page: language, header with the logged-in user and role, the navigation a role may use,
 * and the CSRF token the page's forms and scripts send back. No inline scripts or styles (the
 * Content-Security-Policy forbids them).
 */
public final class Layout {

    private Layout() {
    }

    public record Page(String title, String active, String body) {
    }

    public static String render(Page page, Caller caller, String csrfToken) {
        return render(page, caller, csrfToken, Messages.SWEDISH, null);
    }

    /**
     * The page in {@code messages}' language, with a switch to the other language linking to {@code switchHref}
     * (none when null).
     */
    public static String render(Page page, Caller caller, String csrfToken, Messages messages, String switchHref) {
        return render(page, caller, csrfToken, messages, switchHref, null);
    }

    /**
     * As above; {@code here} is the address of this page (path and query), where "Logga in" returns to after the
     * login (the start page when null).
     */
    public static String render(Page page, Caller caller, String csrfToken, Messages messages, String switchHref, String here) {
        StringBuilder nav = new StringBuilder();
        String search = currentSearch(here);
        link(nav, "/sok" + search, messages.get("nav.search"), "sok", page.active());
        if (caller.isResearcher() || caller.has(Caller.PILOT)) {
            link(nav, "/dokument", messages.get("nav.documents"), "dokument", page.active());
        }
        if (caller.isResearcher()) {
            link(nav, "/ladda-upp", messages.get("nav.upload"), "ladda-upp", page.active());
        }
        if (caller.isResearcher()) {
            link(nav, "/kodbok", messages.get("nav.codebook"), "kodbok", page.active());
        }
        if (AnalysisEndpoint.mayAnalyse(caller)) {
            link(nav, "/analys" + search, messages.get("nav.analysis"), "analys", page.active());
        }
        link(nav, "/insikter", messages.get("nav.insights"), "insikter", page.active());
        link(nav, "/moduler", messages.get("nav.modules"), "moduler", page.active());
        String user = caller == Caller.ANONYMOUS
                ? "<a class=\"button login\" href=\"" + Html.text(loginHref(here)) + "\">" + Html.text(messages.get("session.login")) + "</a>"
                : "<span class=\"user\">" + Html.text(caller.username()) + " <span class=\"role\">(" + Html.text(roleName(caller, messages)) + ")</span></span>"
                  + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"_csrf\" value=\"" + Html.text(csrfToken)
                  + "\"><button type=\"submit\">" + Html.text(messages.get("session.logout")) + "</button></form>";
        if (switchHref != null) {
            String other = messages.isEnglish() ? "sv" : "en";
            user = "<a class=\"lang-switch\" href=\"" + Html.text(switchHref) + "\" hreflang=\"" + other + "\" lang=\"" + other + "\">"
                    + Html.text(messages.get("lang.switch")) + "</a>" + user;
        }
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="csrf-token" content="%s">
                <title>%s – Lärarena</title>
                <link rel="stylesheet" href="/static/css/app.css">
                <script type="module" src="/static/js/app.js"></script>
                <script type="module" src="/static/js/upload.js"></script>
                </head>
                <body>
                <a class="skip" href="#main">%s</a>
                <header class="top">
                <a class="brand" href="/">Lärarena</a>
                <button type="button" class="menu-toggle" aria-expanded="false" aria-controls="main-nav" hidden>%s</button>
                <nav id="main-nav" aria-label="%s"><ul>%s</ul></nav>
                <div class="session">%s</div>
                </header>
                <main id="main">
                %s
                </main>
                </body>
                </html>
                """.formatted(messages.language(), Html.text(csrfToken), Html.text(page.title()), Html.text(messages.get("skip")),
                        Html.text(messages.get("nav.menu")), Html.text(messages.get("nav.label")), nav, user, page.body());
    }

    /** Renders {@code page} for the request's caller, with the session's CSRF token, and sends it. */
    public static void send(RoutingContext ctx, Page page) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .end(render(page, Caller.of(ctx), WebAuthentication.csrfToken(ctx), Messages.of(ctx), languageSwitch(ctx), here(ctx)));
    }

    /** The request's path and query: the page a login started here returns to. */
    public static String here(RoutingContext ctx) {
        String query = ctx.request().query();
        return ctx.request().path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** {@code /login}, returning to {@code here} afterwards (a page address; the start page when null or the login itself). */
    static String loginHref(String here) {
        return here == null || here.equals("/") || here.startsWith("/login") || here.startsWith("/callback")
                ? "/login" : "/login?next=" + Html.url(here);
    }

    /** This page's address with {@code lang} set to the language the reader is not using. */
    static String languageSwitch(RoutingContext ctx) {
        String other = Messages.of(ctx).isEnglish() ? "sv" : "en";
        StringBuilder href = new StringBuilder(ctx.request().path()).append('?');
        ctx.queryParams().forEach(entry -> {
            if (!entry.getKey().equals("lang")) {
                href.append(Html.url(entry.getKey())).append('=').append(Html.url(entry.getValue())).append('&');
            }
        });
        return href.append("lang=").append(other).toString();
    }

    static String roleName(Caller caller) {
        return roleName(caller, Messages.SWEDISH);
    }

    static String roleName(Caller caller, Messages messages) {
        if (caller.isResearcher()) {
            return messages.get("role.researcher");
        }
        if (caller.has(Caller.ADMIN)) {
            return messages.get("role.admin");
        }
        if (caller.has(Caller.PILOT)) {
            return messages.get("role.pilot") + caller.pilotRegion().map(r -> ", " + r).orElse("");
        }
        if (caller.has(Caller.ATTENDEE)) {
            return messages.get("role.attendee");
        }
        return messages.get("role.anonymous");
    }

    /**
     * The search Sök or Analys shows ({@code ?q=…&theme=…}, paging and language left out), so that the other one opens
     * on the same search; empty on every other page.
     */
    static String currentSearch(String here) {
        if (here == null || !(here.startsWith("/sok?") || here.startsWith("/analys?"))) {
            return "";
        }
        String kept = Arrays.stream(here.substring(here.indexOf('?') + 1).split("&"))
                .filter(pair -> !pair.isEmpty() && !SearchParameters.NOT_THE_SEARCH.contains(pair.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : "?" + kept;
    }

    private static void link(StringBuilder nav, String href, String label, String key, String active) {
        nav.append("<li><a href=\"").append(Html.text(href)).append('"')
                .append(key.equals(active) ? " aria-current=\"page\"" : "")
                .append('>').append(Html.text(label)).append("</a></li>");
    }
}
