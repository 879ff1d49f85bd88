/**
 * The documents API of the web application: upload, list and read documents, retry a failed one, and the progress
 * stream. Routes only: storing is the document store's work and processing the pipeline's (both in ingest).
 */
package org.lararena.documents;
