/**
 * Person names spoken inside passages, found and replaced for everyone but researchers: {@link
 * org.lararena.ingest.names.SpokenNames} finds them (the document's speaker names, and given names of a maintained
 * list with their context), {@link org.lararena.ingest.names.NameSpans} carries what was found into the index and
 * applies it to what a reader sees. No I/O here besides reading the bundled name lists once.
 */
package org.lararena.ingest.names;
