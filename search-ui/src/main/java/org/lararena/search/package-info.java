/** Passage search over the Elasticsearch index, always filtered to what the caller may read. */
package org.lararena.search;
