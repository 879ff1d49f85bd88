/**
 * Describes a document for the catalogue and for search facets: its type, title, date, pilot region,
 * language, size and the SHA-256 of its original bytes ({@link org.lararena.ingest.describe.DocumentDescriber});
 * and runs the text steps in order ({@link org.lararena.ingest.describe.TextPipeline}: repair, segment,
 * describe), so each pipeline verticle calls one method per step.
 *
 * <p>What the uploader said wins over anything read from the file; what the file's metadata says wins over
 * guesses from its text. This package reads no files except to hash the original, and knows nothing of Vert.x.
 */
package org.lararena.ingest.describe;
