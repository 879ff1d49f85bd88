/**
 * The passage index in Elasticsearch: its mapping (a resource beside this package), the alias the
 * application reads and writes through (so a mapping change is a reindex into a new index and an alias
 * switch), and bulk indexing that checks every item.
 */
package org.lararena.ingest.index;
