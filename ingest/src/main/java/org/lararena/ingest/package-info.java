/**
 * The ingest pipeline: documents are received ({@code web}, later the watched folder and the command line),
 * stored content-addressed ({@code store}), extracted and split into passages ({@code pipeline}, with
 * {@code extract}, {@code repair}, {@code segment}), and indexed in Elasticsearch ({@code index}). The steps
 * are verticles that agree only on the addresses in {@link org.lararena.ingest.IngestAddresses}.
 */
package org.lararena.ingest;
