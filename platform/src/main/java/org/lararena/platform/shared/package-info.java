/**
 * State that every instance of a cluster shares: collections of JSON documents with optimistic concurrency
 * ({@link org.lararena.platform.shared.JsonCollection}), as files of one instance or in Elasticsearch.
 */
package org.lararena.platform.shared;
