package org.lararena.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** A filter that may rewrite each token's term in place, and leaves keyword-marked tokens alone. */
abstract class TermRewriteFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    TermRewriteFilter(TokenStream input) {
        super(input);
    }

    /** Rewrites {@code term} in place, or leaves it as it is. */
    abstract void rewrite(CharTermAttribute term);

    @Override
    public final boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            rewrite(termAtt);
        }
        return true;
    }
}
