/**
 * Durable state of ingest in the data directory: the original bytes, content-addressed by SHA-256 (so the
 * whole index can be rebuilt from them), and one JSON record per document with its metadata and status.
 * Blocking file I/O: call it from worker threads only.
 */
package org.lararena.ingest.store;
