package org.lararena.web;

import io.vertx.ext.web.RoutingContext;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.FailureHandler;
import org.lararena.web.auth.WebAuthentication;

/**
 * The error page in the reader's language ({@link Messages}): the {@link FailureHandler.ErrorPage} of the web UI.
 * It is a page like the others, with the header and the navigation the reader's role may use, so nobody is left
 * on a dead end. It explains 401, 403 and 404 in the reader's words (the API's detail is written for developers and
 * stays in a fold for other statuses), and offers "Logga in" only to someone who is not logged in, returning to
 * this address afterwards.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static String html(RoutingContext ctx, int status, String detail) {
        Messages messages = Messages.of(ctx);
        Caller caller = Caller.of(ctx);
        boolean explained = status == 401 || status == 403 || status == 404;
        String heading = messages.get(explained ? "error.title." + status : "error.title.other");
        StringBuilder body = new StringBuilder("<div class=\"error-page\" data-status=\"").append(status).append("\"><h1>")
                .append(Html.text(heading)).append("</h1><p class=\"error-detail\">")
                .append(Html.text(messages.get(explained ? "error.detail." + status : status >= 500 ? "error.detail.server" : "error.detail.request")))
                .append("</p>");
        if (!explained && detail != null && !detail.isBlank()) {
            body.append("<details class=\"technical\"><summary>").append(Html.text(messages.get("error.technical"))).append("</summary><p>")
                    .append(Html.text(detail)).append("</p></details>");
        }
        body.append("<p class=\"error-actions\"><a href=\"/sok\">").append(Html.text(messages.get("error.home"))).append("</a>");
        if (caller == Caller.ANONYMOUS && status != 400 && status < 500) {
            body.append(" · <a href=\"").append(Html.text(Layout.loginHref(Layout.here(ctx)))).append("\">")
                    .append(Html.text(messages.get("error.login"))).append("</a>");
        }
        body.append("</p></div>");
        return Layout.render(new Layout.Page(status + " " + heading, "", body.toString()), caller,
                WebAuthentication.csrfToken(ctx), messages, null, Layout.here(ctx));
    }
}
