/**
 * Repairs extracted text so that it reads as the author wrote it: words hyphenated across lines joined,
 * letter-spaced text rejoined, running headers, footers and page numbers dropped (their page numbers kept),
 * paragraphs broken into lines by the extraction rejoined, vertical bars that OCR read for I or l made letters
 * again ("|nom" → "Inom", only where that makes a known word), and characters normalised (NFC, quotes, soft
 * hyphens, ligatures, spaces).
 *
 * <p>Callers use {@link org.lararena.ingest.repair.TextRepairer}, which returns a
 * {@link org.lararena.ingest.repair.RepairedText} holding the original text, the page offsets and every edit,
 * so a repair can be audited and redone; {@link org.lararena.ingest.repair.Vocabulary} is the word list it
 * rejoins letter-spaced text with. The other classes are internal steps.
 *
 * <p>Repair never changes the words of text that is fine. It does not split text into passages
 * ({@code segment}) and knows nothing of file formats ({@code extract}).
 */
package org.lararena.ingest.repair;
