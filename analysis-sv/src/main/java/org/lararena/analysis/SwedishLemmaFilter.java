package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces an irregular word form by its base form ({@link SwedishLemmas}) so the stemmer after it treats it like
 * the regular forms: {@code undvek} → {@code undvika}, {@code städerna} → {@code stad}. Keyword-marked tokens are left
 * alone. Expects lower-cased, unfolded text.
 */
final class SwedishLemmaFilter extends TermRewriteFilter {

    SwedishLemmaFilter(TokenStream input) {
        super(input);
    }

    @Override
    void rewrite(CharTermAttribute term) {
        String lemma = SwedishLemmas.lemma(term.toString());
        if (lemma != null) {
            term.setEmpty().append(lemma);
        }
    }
}
