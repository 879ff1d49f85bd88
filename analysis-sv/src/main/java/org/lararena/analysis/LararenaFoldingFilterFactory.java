package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * {@code lararena_folding}: ASCII folding tuned for Swedish and OCR'd text; see {@link SwedishFoldingFilter}.
 * Settings: {@code fold_swedish_letters} (default true), {@code preserve_original} (default false).
 */
@NamedComponent("lararena_folding")
public final class LararenaFoldingFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "fold_swedish_letters", defaultValue = true)
        boolean foldSwedishLetters();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final boolean foldSwedishLetters;
    private final boolean preserveOriginal;

    @Inject
    public LararenaFoldingFilterFactory(Settings settings) {
        this.foldSwedishLetters = settings.foldSwedishLetters();
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SwedishFoldingFilter(tokenStream, foldSwedishLetters, preserveOriginal);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new SwedishFoldingFilter(tokenStream, foldSwedishLetters, false);
    }
}
