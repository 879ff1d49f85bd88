package org.lararena.ontology.store;

import java.time.Instant;

/**
 * One entry of an annotation's history (a {@code lar:ReviewActivity}).
 *
 * @param agent the username, or the annotator's name and version
 * @param at when it happened
 * @param from the state before (null when the activity created the annotation)
 * @param to the state after
 * @param reason why, in words, when the store recorded one (e.g. superseded by a new automatic run), else null
 */
public record Review(String agent, Instant at, ReviewState from, ReviewState to, String reason) {}
