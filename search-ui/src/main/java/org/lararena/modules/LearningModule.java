package org.lararena.modules;

import java.util.List;

/**
 * One checked learning module.
 *
 * @param slug     its folder name, used in its address
 * @param bodyHtml the Markdown body as HTML, with any HTML in the source escaped
 */
public record LearningModule(
        String slug,
        String title,
        String summary,
        List<String> learningGoals,
        List<String> themes,
        List<Insight> insights,
        List<SavedSearch> savedSearches,
        List<String> reflectionQuestions,
        String bodyHtml) {

    public record SavedSearch(String label, String query, String theme) {
    }

    /** A published insight: a short statement with its themes. */
    public record Insight(String id, String statement, List<String> themes) {
    }
}
