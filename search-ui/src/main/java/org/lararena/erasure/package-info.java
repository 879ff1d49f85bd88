/**
 * Erasure of a document, or of every document a participant speaks in, from every store, leaving only a tombstone;
 * see {@code docs/operations.md}.
 */
package org.lararena.erasure;
