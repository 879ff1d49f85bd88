/**
 * The annotation API: {@link org.lararena.annotations.AnnotationsEndpoint} (list, tag, review, retract, JSON-LD,
 * forced re-annotation) over the ontology module's {@code AnnotationStore}, and {@link
 * org.lararena.annotations.WebAnnotationJsonLd}, the W3C Web Annotation JSON-LD form of a document's annotations.
 *
 * <p>Every path checks {@code Visibility.readableBy} before it touches the store (404 for what the caller may not
 * read); changes are for researchers, are audited, and reach search within seconds. No Jena transaction runs on
 * an event loop.
 */
package org.lararena.annotations;
