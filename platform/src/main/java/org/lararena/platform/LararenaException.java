package org.lararena.platform;

/**
 * The one exception family of Lärarena. Each carries an HTTP-like status: 4xx when the caller is at fault
 * (the message says what to change), 5xx when we are. The web failure handler turns it into
 * {@code {"error": ..., "detail": ...}}; the command line prints {@link #getMessage()} as its one-line cause.
 */
public class LararenaException extends RuntimeException {

    private final int status;
    private final String error;

    public LararenaException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    public LararenaException(int status, String error, String detail, Throwable cause) {
        super(detail, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.error = error;
    }

    public static LararenaException badRequest(String detail) {
        return new LararenaException(400, "bad_request", detail);
    }

    public static LararenaException unauthorized(String detail) {
        return new LararenaException(401, "unauthorized", detail);
    }

    public static LararenaException forbidden(String detail) {
        return new LararenaException(403, "forbidden", detail);
    }

    public static LararenaException notFound(String detail) {
        return new LararenaException(404, "not_found", detail);
    }

    public static LararenaException payloadTooLarge(String detail) {
        return new LararenaException(413, "payload_too_large", detail);
    }

    public static LararenaException unavailable(String detail, Throwable cause) {
        return new LararenaException(503, "service_unavailable", detail, cause);
    }

    /** The HTTP status this failure maps to. */
    public int status() {
        return status;
    }

    /** A short machine-readable code, e.g. {@code bad_request}. */
    public String error() {
        return error;
    }

    public boolean isClientError() {
        return status < 500;
    }
}
