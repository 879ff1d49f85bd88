package org.lararena.platform.web;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Objects;
import org.lararena.platform.DiskFull;
import org.lararena.platform.FutureFailures;
import org.lararena.platform.LararenaException;
import org.lararena.platform.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error": ..., "detail": ...}} with the matching status. Client errors are
 * logged in one line without a stack trace; server errors with it, and the caller never sees internals. A person
 * in a browser (a page, not {@code /api/}, that accepts HTML) gets a readable page instead, from an {@link ErrorPage}.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    /** The HTML page a person in a browser sees for a failure; {@code detail} is plain text, to be escaped. */
    @FunctionalInterface
    public interface ErrorPage {
        String html(RoutingContext ctx, int status, String detail);
    }

    private final ErrorPage errorPage;

    /** With the plain Swedish error page. */
    public FailureHandler() {
        this(FailureHandler::swedishPage);
    }

    public FailureHandler(ErrorPage errorPage) {
        this.errorPage = Objects.requireNonNull(errorPage);
    }

    @Override
    public void handle(RoutingContext ctx) {
        // A Java future's failure reaches Vert.x wrapped (Future.fromCompletionStage passes it on as it is).
        Throwable failure = FutureFailures.cause(ctx.failure());
        int status;
        String error;
        String detail;
        if (failure instanceof LararenaException e) {
            status = e.status();
            error = e.error();
            detail = e.getMessage();
        } else if (DiskFull.causedBy(failure)) {
            // A write the file system refused for lack of space (an upload's body, say): the caller is told so.
            LararenaException full = DiskFull.refused("the request's data", failure);
            status = full.status();
            error = full.error();
            detail = full.getMessage();
        } else if (failure instanceof HttpException e) {
            status = e.getStatusCode();
            error = errorFor(status);
            detail = e.getPayload() != null ? e.getPayload() : defaultDetail(status);
        } else if (failure instanceof DecodeException) {
            status = 400;
            error = "bad_request";
            detail = "the request body is not valid JSON";
        } else if (failure instanceof ReplyException e) {
            status = switch (e.failureType()) {
                case TIMEOUT, NO_HANDLERS -> 503;
                case RECIPIENT_FAILURE -> e.failureCode() >= 400 && e.failureCode() < 600 ? e.failureCode() : 500;
                default -> 500;
            };
            error = errorFor(status);
            detail = status < 500 ? e.getMessage() : status == 503 ? "a part of the platform did not answer in time; try again" : defaultDetail(500);
        } else if (failure == null) {
            status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            error = errorFor(status);
            detail = defaultDetail(status);
        } else {
            status = 500;
            error = "internal_error";
            detail = defaultDetail(500);
        }
        if (failure instanceof RetryLaterException later) {
            // Load or long work, not a fault: one line, and the caller is told when to come back.
            LOG.warn("{} {} -> 503 {}", ctx.request().method(), ctx.request().path(), later.error());
            if (!ctx.response().headWritten()) {
                ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, later.retryAfter().toSeconds())));
            }
        } else if (status >= 500) {
            LOG.error("{} {} failed with {}", ctx.request().method(), ctx.request().path(), status, failure);
        } else {
            LOG.info("{} {} -> {} {}", ctx.request().method(), ctx.request().path(), status, detail);
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        if (status == 401 && !ctx.response().headers().contains("WWW-Authenticate")) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"lararena\"");
        }
        String accept = ctx.request().getHeader("Accept");
        boolean page = !ctx.request().path().startsWith("/api/") && accept != null && accept.contains("text/html");
        if (page) {
            // A person in a browser: a readable page, never a stack trace.
            ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .end(errorPage.html(ctx, status, detail));
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", RequestWork.JSON_CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", error).put("detail", detail).encode());
    }

    /** The error page without a language choice: Swedish. */
    private static String swedishPage(RoutingContext ctx, int status, String detail) {
        return page("sv", status, status == 404 ? "Sidan finns inte" : status == 401 ? "Logga in" : status == 403 ? "Ingen behörighet" : "Något gick fel",
                detail, "Till startsidan", "Logga in");
    }

    /** The one shape of the error page, in the words given (plain text, escaped here). */
    public static String page(String language, int status, String heading, String detail, String home, String login) {
        return "<!DOCTYPE html><html lang=\"" + escape(language) + "\"><head><meta charset=\"utf-8\"><title>" + status + " – Lärarena</title>"
                + "<link rel=\"stylesheet\" href=\"/static/css/app.css\"></head><body><main class=\"error-page\"><h1>" + escape(heading)
                + "</h1><p>" + escape(detail) + "</p><p><a href=\"/\">" + escape(home) + "</a>"
                + (status == 401 || status == 403 ? " · <a href=\"/login\">" + escape(login) + "</a>" : "") + "</p></main></body></html>";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String errorFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "service_unavailable";
            default -> status < 500 ? "client_error" : "internal_error";
        };
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "log in, or send a valid bearer token";
            case 403 -> "your role may not do this";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request is too large";
            case 503 -> "a service the platform needs is not available; try again shortly";
            default -> status < 500 ? "the request is not valid" : "something went wrong on our side; it has been logged";
        };
    }
}
