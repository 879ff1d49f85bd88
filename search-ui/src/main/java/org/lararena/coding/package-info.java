/**
 * Coding support for researchers beside the annotation store: memos on passages ({@link org.lararena.coding.MemoStore},
 * kept durably in the data directory) and their endpoint. Annotations themselves live in the ontology module's store.
 */
package org.lararena.coding;
