/** The HTTP endpoints of ingest: upload, list and read documents. Routes only; the work is in the pipeline. */
package org.lararena.ingest.web;
