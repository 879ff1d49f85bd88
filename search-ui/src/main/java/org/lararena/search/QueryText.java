package org.lararena.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search's query text taken apart once: the simple query string ({@link SearchRequest#simpleQueryString}), the items
 * it asks to find ({@code positive}: words and quoted phrases) and to leave out ({@code negative}, written
 * {@code -word}), whether it joins them with an explicit {@code OR}, whether it is written as a question
 * ({@link QuestionReading#isQuestion}), and whether the request keeps only the passages with both of two keywords
 * ({@link SearchRequest#bothKeywords}). The relevance query, its highlight, the count of both keywords, the themes the
 * text names and the hidden names it asks for are all built from one {@code QueryText}, so they read the text alike,
 * and it is read once per search.
 *
 * @param hasText whether there is anything to find or leave out (not only quotes, dashes or {@code OR})
 */
record QueryText(String simpleQueryString, boolean hasText, List<String> positive, List<String> negative, boolean explicitOr,
                 boolean question, boolean bothKeywords) {

    /** A word, a quoted phrase (its quotes kept), or either with a leading {@code -}. */
    private static final Pattern ITEM = Pattern.compile("-?\"[^\"]*\"|\\S+");

    QueryText {
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
    }

    static QueryText of(SearchRequest request) {
        String simple = request.simpleQueryString();
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        boolean explicitOr = false;
        Matcher matcher = ITEM.matcher(simple);
        while (matcher.find()) {
            String item = matcher.group();
            if (item.equals("|")) {
                explicitOr = true;
            } else if (item.startsWith("-") && item.length() > 1) {
                negative.add(item.substring(1));
            } else if (!item.equals("-") && !item.equals("\"\"")) {
                positive.add(item);
            }
        }
        return new QueryText(simple, SearchRequest.hasText(simple), positive, negative, explicitOr,
                QuestionReading.isQuestion(request.text()), request.bothKeywords());
    }

    /** The words the text asks for, without quotes (what the annotator reads for the themes it names); blank for none. */
    String wanted() {
        return String.join(" ", positive).replace("\"", "");
    }

    /** The items of {@code words} (words, and quoted phrases with their quotes), in order. */
    static List<String> items(String words) {
        return ITEM.matcher(words).results().map(MatchResult::group).toList();
    }
}
