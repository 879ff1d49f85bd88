/**
 * The passage index in Elasticsearch: its mapping (a resource beside this package), the alias the
 * application reads and writes through (so a mapping change is a reindex into a new index and an alias
 * switch), bulk indexing that checks every item, and {@link org.lararena.ingest.index.PassageConcepts}, the partial
 * update of a passage's concepts and themes after a review.
 */
package org.lararena.ingest.index;
