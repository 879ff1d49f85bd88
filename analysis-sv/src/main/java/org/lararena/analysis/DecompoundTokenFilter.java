package org.lararena.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Emits each token unchanged, then the parts {@link SwedishDecompounder} finds in it, stacked at the same position
 * (position increment 0) and with the compound's offsets, as Lucene's own compound filters do. With {@code split}
 * (for a query) the parts follow one another instead, as if written apart, and the compound spans them as a token
 * graph does ({@code baslinjeintervjuer} = {@code baslinje intervjuer}): a query parser then searches for the
 * compound or the parts as a phrase, as for a multi-word synonym. Keyword-marked tokens are left alone.
 */
final class DecompoundTokenFilter extends TokenFilter {

    private final SwedishDecompounder decompounder;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private final boolean split;
    private State compoundState;
    private boolean firstPart;

    DecompoundTokenFilter(TokenStream input, SwedishDecompounder decompounder) {
        this(input, decompounder, false);
    }

    DecompoundTokenFilter(TokenStream input, SwedishDecompounder decompounder, boolean split) {
        super(input);
        this.decompounder = decompounder;
        this.split = split;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending.isEmpty() == false) {
            restoreState(compoundState);
            termAtt.setEmpty().append(pending.removeFirst());
            posIncAtt.setPositionIncrement(split && firstPart == false ? 1 : 0);
            posLenAtt.setPositionLength(1);
            firstPart = false;
            return true;
        }
        if (input.incrementToken() == false) {
            return false;
        }
        if (keywordAtt.isKeyword() == false) {
            List<String> parts = split ? decompounder.parts(termAtt.toString()) : decompounder.decompound(termAtt.toString());
            if (parts.isEmpty() == false) {
                pending.addAll(parts);
                compoundState = captureState();
                firstPart = true;
                if (split) {
                    posLenAtt.setPositionLength(parts.size());
                }
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        compoundState = null;
        firstPart = false;
    }
}
