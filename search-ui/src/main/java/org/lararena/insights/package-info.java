/**
 * Insikter: short statements with themes and the passages that support them. Researchers write them as drafts and
 * publish them; everyone reads what is published. {@link org.lararena.insights.InsightStore} keeps them durably (one
 * JSON file each in the data directory, written atomically); {@link org.lararena.insights.Insights} checks input,
 * merges them with the read-only insights of {@code modules/insights.yaml}, and shows each caller only the quotes
 * they may read.
 */
package org.lararena.insights;
