package org.lararena.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

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
final class SwedishDefiniteFormFilter extends TokenFilter {

    /** Shorter words ending in {@code -an} are seldom a noun's definite form ({@code plan}, {@code svan}). */
    static final int MIN_LENGTH = 5;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    SwedishDefiniteFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            char[] term = termAtt.buffer();
            int length = termAtt.length();
            int word = length > MIN_LENGTH && term[length - 1] == 's' ? length - 1 : length;
            if (word >= MIN_LENGTH && term[word - 2] == 'a' && term[word - 1] == 'n') {
                termAtt.setLength(word - 1);
            }
        }
        return true;
    }
}
