package org.lararena.web;

import io.vertx.ext.web.RoutingContext;
import org.lararena.platform.web.FailureHandler;

/** The error page in the reader's language ({@link Messages}): the {@link FailureHandler.ErrorPage} of the web UI. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static String html(RoutingContext ctx, int status, String detail) {
        Messages messages = Messages.of(ctx);
        String heading = switch (status) {
            case 401, 403, 404 -> messages.get("error.title." + status);
            default -> messages.get("error.title.other");
        };
        return FailureHandler.page(messages.language(), status, heading, detail, messages.get("error.home"), messages.get("error.login"));
    }
}
