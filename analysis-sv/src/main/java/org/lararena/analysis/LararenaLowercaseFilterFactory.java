package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code lararena_lowercase}: Unicode lower-casing (locale independent, so Å→å and I→i). No settings. */
@NamedComponent("lararena_lowercase")
public final class LararenaLowercaseFilterFactory implements TokenFilterFactory {

    public LararenaLowercaseFilterFactory() {}

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }
}
