package org.lararena.web;

import io.vertx.ext.web.RoutingContext;
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
        StringBuilder nav = new StringBuilder();
        link(nav, "/sok", "Sök", "sok", page.active());
        if (caller.isResearcher() || caller.has(Caller.PILOT)) {
            link(nav, "/dokument", "Dokument", "dokument", page.active());
        }
        if (caller.isResearcher()) {
            link(nav, "/ladda-upp", "Ladda upp", "ladda-upp", page.active());
        }
        if (AnalysisEndpoint.mayAnalyse(caller)) {
            link(nav, "/analys", "Analys", "analys", page.active());
        }
        link(nav, "/insikter", "Insikter", "insikter", page.active());
        link(nav, "/moduler", "Lärmoduler", "moduler", page.active());
        String user = caller == Caller.ANONYMOUS
                ? "<a class=\"button\" href=\"/login\">Logga in</a>"
                : "<span class=\"user\">" + Html.text(caller.username()) + " <span class=\"role\">(" + Html.text(roleName(caller)) + ")</span></span>"
                  + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"_csrf\" value=\"" + Html.text(csrfToken)
                  + "\"><button type=\"submit\">Logga ut</button></form>";
        return """
                <!DOCTYPE html>
                <html lang="sv">
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
                <a class="skip" href="#main">Hoppa till innehållet</a>
                <header class="top">
                <a class="brand" href="/">Lärarena</a>
                <nav aria-label="Huvudmeny"><ul>%s</ul></nav>
                <div class="session">%s</div>
                </header>
                <main id="main">
                %s
                </main>
                </body>
                </html>
                """.formatted(Html.text(csrfToken), Html.text(page.title()), nav, user, page.body());
    }

    /** Renders {@code page} for the request's caller, with the session's CSRF token, and sends it. */
    public static void send(RoutingContext ctx, Page page) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .end(render(page, Caller.of(ctx), WebAuthentication.csrfToken(ctx)));
    }

    static String roleName(Caller caller) {
        if (caller.isResearcher()) {
            return "forskare";
        }
        if (caller.has(Caller.ADMIN)) {
            return "administratör";
        }
        if (caller.has(Caller.PILOT)) {
            return "pilot" + caller.pilotRegion().map(r -> ", " + r).orElse("");
        }
        if (caller.has(Caller.ATTENDEE)) {
            return "deltagare";
        }
        return "ej inloggad";
    }

    private static void link(StringBuilder nav, String href, String label, String key, String active) {
        nav.append("<li><a href=\"").append(href).append('"')
                .append(key.equals(active) ? " aria-current=\"page\"" : "")
                .append('>').append(Html.text(label)).append("</a></li>");
    }
}
