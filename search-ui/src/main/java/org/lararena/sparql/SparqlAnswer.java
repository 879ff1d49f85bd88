package org.lararena.sparql;

/**
 * A finished SPARQL answer, serialised while the store's transaction was open.
 *
 * @param contentType the media type of {@code body}
 * @param truncated   true when the answer was cut at the row (or triple) limit
 */
public record SparqlAnswer(String contentType, byte[] body, boolean truncated) {
}
