package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Brings the definite form of the nouns in {@code -a} to their base form before the light stemmer, so that all their
 * forms meet. Those nouns ({@code fråga}, {@code munhälsa}, {@code vecka}) make their definite singular with
 * {@code -n} ({@code frågan}, {@code munhälsan}, {@code veckan}). Lucene's light stemmer (Jacques Savoy's) has no
 * {@code -an} ending and takes one letter from such a word, so {@code frågan} became {@code fråga} while
 * {@code fråga}, {@code frågor} and {@code frågorna} became {@code fråg}, and a question in the definite form missed
 * the passages in the others. Here a word ending in {@code -an} or {@code -ans} (a genitive), of five letters or more
 * before the {@code -s}, loses its {@code -n} or {@code -ns}. A noun that ends in {@code -an} itself
 * ({@code samverkan}) then meets the verb it is made from ({@code samverka}, {@code samverkar}). Keyword-marked tokens
 * are left alone. Expects lower-cased, unfolded text; used with the light stemmer only.
 */
final class SwedishDefiniteFormFilter extends TermRewriteFilter {

    /** Shorter words ending in {@code -an} are seldom a noun's definite form ({@code plan}, {@code svan}). */
    static final int MIN_LENGTH = 5;

    SwedishDefiniteFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    void rewrite(CharTermAttribute term) {
        char[] chars = term.buffer();
        int length = term.length();
        int word = length > MIN_LENGTH && chars[length - 1] == 's' ? length - 1 : length;
        if (word >= MIN_LENGTH && chars[word - 2] == 'a' && chars[word - 1] == 'n') {
            term.setLength(word - 1);
        }
    }
}
