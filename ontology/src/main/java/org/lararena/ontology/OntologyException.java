package org.lararena.ontology;

import org.lararena.platform.LararenaException;

/**
 * The ontology module's member of the one exception family ({@link LararenaException}): an HTTP-like status,
 * 4xx when the caller is at fault (the message says what to change), 5xx when we are, so the shared failure
 * handler renders it like every other failure.
 */
public class OntologyException extends LararenaException {

    public OntologyException(int status, String error, String detail) {
        super(status, error, detail);
    }

    public OntologyException(int status, String error, String detail, Throwable cause) {
        super(status, error, detail, cause);
    }

    public static OntologyException badRequest(String detail) {
        return new OntologyException(400, "bad_request", detail);
    }

    public static OntologyException notFound(String detail) {
        return new OntologyException(404, "not_found", detail);
    }

    public static OntologyException invalidOntology(String detail, Throwable cause) {
        return new OntologyException(422, "invalid_ontology", detail, cause);
    }

    public static OntologyException internal(String detail, Throwable cause) {
        return new OntologyException(500, "internal_error", detail, cause);
    }
}
