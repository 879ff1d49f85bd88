package org.lararena.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/** Runs text through analysis chains and collects the terms, without Lucene's test framework. */
final class Tokens {

    private Tokens() {}

    /** Terms of {@code text} after standard tokenizer, lower-casing and then {@code filters}. */
    static List<String> terms(String text, UnaryOperator<TokenStream> filters) {
        try (Analyzer a = chain(filters, r -> r)) {
            return terms(a, text);
        }
    }

    /** Terms with the position increment prefixed: "+1:word" or "+0:word". */
    static List<String> positioned(String text, UnaryOperator<TokenStream> filters) {
        try (Analyzer a = chain(filters, r -> r)) {
            return positioned(a, text);
        }
    }

    /** Terms of {@code text} after the standard tokenizer and {@code filters} only (no lower-casing). */
    static List<String> rawTerms(String text, UnaryOperator<TokenStream> filters) {
        try (Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(source));
            }
        }) {
            return terms(a, text);
        }
    }

    static Analyzer chain(UnaryOperator<TokenStream> filters, Function<Reader, Reader> charFilter) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilter.apply(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(new LowerCaseFilter(source)));
            }
        };
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> positioned(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute pos = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add("+" + pos.getPositionIncrement() + ":" + term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The position length of each token (more than 1 where a token spans others, as in a token graph). */
    static List<Integer> positionLengths(String text, UnaryOperator<TokenStream> filters) {
        List<Integer> out = new ArrayList<>();
        try (Analyzer a = chain(filters, r -> r); TokenStream ts = a.tokenStream("f", text)) {
            var length = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(length.getPositionLength());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
