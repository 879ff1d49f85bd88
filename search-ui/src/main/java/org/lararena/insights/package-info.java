/**
 * Insikter: short statements with themes and the passages that support them. Researchers write them as drafts and
 * publish them; everyone reads what is published. {@link org.lararena.insights.InsightStore} keeps them durably (a
 * document each in a collection: a file written atomically in the data directory, or Elasticsearch in a cluster); {@link org.lararena.insights.Insights} checks input,
 * merges them with the read-only insights of {@code modules/insights.yaml}, and shows each caller only the quotes
 * they may read.
 */
package org.lararena.insights;
