package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code lararena_shingle}: word n-grams ("shingles") for phrase-like ranking. Settings: {@code min_shingle_size}
 * (2), {@code max_shingle_size} (2), {@code output_unigrams} (true), {@code output_unigrams_if_no_shingles} (false),
 * {@code token_separator} (" "), {@code filler_token} ("_", stands in for removed stop words).
 */
@NamedComponent("lararena_shingle")
public final class LararenaShingleFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_shingle_size", defaultValue = 2)
        int minShingleSize();

        @IntSetting(path = "max_shingle_size", defaultValue = 2)
        int maxShingleSize();

        @BooleanSetting(path = "output_unigrams", defaultValue = true)
        boolean outputUnigrams();

        @BooleanSetting(path = "output_unigrams_if_no_shingles", defaultValue = false)
        boolean outputUnigramsIfNoShingles();

        @StringSetting(path = "token_separator", defaultValue = " ")
        String tokenSeparator();

        @StringSetting(path = "filler_token", defaultValue = "_")
        String fillerToken();
    }

    private final int min;
    private final int max;
    private final boolean unigrams;
    private final boolean unigramsIfNone;
    private final String separator;
    private final String filler;

    @Inject
    public LararenaShingleFilterFactory(Settings settings) {
        this.min = settings.minShingleSize();
        this.max = settings.maxShingleSize();
        if (min < 2 || max < min || max > 5) {
            throw new IllegalArgumentException(
                "lararena_shingle: need 2 <= min_shingle_size <= max_shingle_size <= 5, got " + min + " and " + max
            );
        }
        this.unigrams = settings.outputUnigrams();
        this.unigramsIfNone = settings.outputUnigramsIfNoShingles();
        this.separator = settings.tokenSeparator();
        this.filler = settings.fillerToken();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        ShingleFilter f = new ShingleFilter(tokenStream, min, max);
        f.setOutputUnigrams(unigrams);
        f.setOutputUnigramsIfNoShingles(unigramsIfNone);
        f.setTokenSeparator(separator);
        f.setFillerToken(filler);
        return f;
    }
}
