/**
 * Exchange with other qualitative data analysis tools through the REFI-QDA standard: the QDPX project (a zip with a
 * {@code .qde} and {@code sources/}) and the QDC codebook. {@link org.lararena.exchange.ExchangeEndpoint} holds the
 * routes; {@link org.lararena.exchange.QdpxWriter} and {@link org.lararena.exchange.QdpxReader} know the format and
 * nothing of Lärarena's stores; {@link org.lararena.exchange.QdpxExport} and {@link org.lararena.exchange.QdpxImport}
 * translate between the two; {@link org.lararena.exchange.RefiQdaImports} is a researcher's import, the same from the
 * API and the import pages. Stores are only used through their public methods (the annotation store through
 * {@code AnnotationStore}), so other changes to them do not reach in here. The mapping is in {@code docs/refi-qda.md}.
 */
package org.lararena.exchange;
