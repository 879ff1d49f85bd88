package org.lararena.ontology;

/**
 * The one exception of the ontology module. Like the platform's exception family it carries an HTTP-like
 * status: 4xx when the caller is at fault (the message says what to change), 5xx when we are. The web layer
 * maps it one to one; this module does not depend on the platform.
 */
public class OntologyException extends RuntimeException {

    private final int status;
    private final String error;

    public OntologyException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    public OntologyException(int status, String error, String detail, Throwable cause) {
        super(detail, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.error = error;
    }

    /** The caller sent something malformed: a bad span, an unknown concept, a query that does not parse. */
    public static OntologyException badRequest(String detail) {
        return new OntologyException(400, "bad_request", detail);
    }

    /** The caller asked for something outside what it may read, e.g. a graph not in its allowed set. */
    public static OntologyException forbidden(String detail) {
        return new OntologyException(403, "forbidden", detail);
    }

    public static OntologyException notFound(String detail) {
        return new OntologyException(404, "not_found", detail);
    }

    /** The request conflicts with the current state, e.g. accepting a retracted annotation. */
    public static OntologyException conflict(String detail) {
        return new OntologyException(409, "conflict", detail);
    }

    /** An ontology (Turtle files) that does not load or breaks a SHACL rule; the caller supplied it. */
    public static OntologyException invalidOntology(String detail, Throwable cause) {
        return new OntologyException(422, "invalid_ontology", detail, cause);
    }

    /** A query that ran out of its time limit. */
    public static OntologyException timeout(String detail) {
        return new OntologyException(408, "query_timeout", detail);
    }

    public static OntologyException internal(String detail, Throwable cause) {
        return new OntologyException(500, "internal_error", detail, cause);
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
