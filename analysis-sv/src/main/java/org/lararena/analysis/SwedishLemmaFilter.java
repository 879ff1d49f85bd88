package org.lararena.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

import java.io.IOException;

/**
 * Replaces an irregular word form by its base form ({@link SwedishLemmas}) so the stemmer after it treats it like
 * the regular forms: {@code undvek} → {@code undvika}, {@code städerna} → {@code stad}. Keyword-marked tokens are left
 * alone. Expects lower-cased, unfolded text.
 */
final class SwedishLemmaFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    SwedishLemmaFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (input.incrementToken() == false) {
            return false;
        }
        if (keywordAtt.isKeyword() == false) {
            String lemma = SwedishLemmas.lemma(termAtt.toString());
            if (lemma != null) {
                termAtt.setEmpty().append(lemma);
            }
        }
        return true;
    }
}
