package org.lararena.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.io.Reader;
import java.util.List;

/**
 * {@code lararena_swedish}: a ready-made Swedish analyzer, in this order:
 * <ol>
 *   <li>OCR clean-up char filter (mojibake, broken words);</li>
 *   <li>standard tokenizer;</li>
 *   <li>lower-casing;</li>
 *   <li>Swedish stop words;</li>
 *   <li>decompounding (on the lower-cased but not yet folded word, because the dictionary, the linking {@code -s-}
 *       and the endings are written with å, ä, ö);</li>
 *   <li>irregular forms to their base form ({@link SwedishLemmas}), then light Swedish stemming (its endings are plain ASCII, so it works on folded or unfolded text, but running it
 *       before folding keeps it on real Swedish words);</li>
 *   <li>folding last, so that every variant (OCR'd, typed without diacritics, correct) ends in one term.</li>
 * </ol>
 * Settings: {@code decompound} (true), {@code decompound_words_path} (""), {@code fold} (true),
 * {@code stopwords} (list, default {@code _swedish_}), {@code stem_variant} ("light").
 */
@NamedComponent("lararena_swedish")
public final class LararenaSwedishAnalyzerFactory implements AnalyzerFactory {

    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "decompound", defaultValue = true)
        boolean decompound();

        @StringSetting(path = "decompound_words_path", defaultValue = "")
        String decompoundWordsPath();

        @BooleanSetting(path = "fold", defaultValue = true)
        boolean fold();

        @ListSetting(path = "stopwords")
        List<String> stopwords();

        @StringSetting(path = "stem_variant", defaultValue = "light")
        String stemVariant();
    }

    private final SwedishDecompounder decompounder;
    private final boolean fold;
    private final CharArraySet stopWords;
    private final LararenaSwedishStemFilterFactory.Variant variant;

    @Inject
    public LararenaSwedishAnalyzerFactory(Settings settings) {
        this.decompounder = settings.decompound()
            ? LararenaDecompoundFilterFactory.decompounder(List.of(), settings.decompoundWordsPath(), "", true, 7, 3, 4, true)
            : null;
        this.fold = settings.fold();
        this.stopWords = LararenaSwedishStopFilterFactory.build(settings.stopwords(), "", List.of(), false);
        this.variant = LararenaSwedishStemFilterFactory.parse(settings.stemVariant());
    }

    @Override
    public Analyzer create() {
        return new SwedishAnalyzer(decompounder, fold, stopWords, variant);
    }

    static final class SwedishAnalyzer extends Analyzer {
        private final SwedishDecompounder decompounder;
        private final boolean fold;
        private final CharArraySet stopWords;
        private final LararenaSwedishStemFilterFactory.Variant variant;

        SwedishAnalyzer(SwedishDecompounder decompounder, boolean fold, CharArraySet stopWords,
                        LararenaSwedishStemFilterFactory.Variant variant) {
            this.decompounder = decompounder;
            this.fold = fold;
            this.stopWords = stopWords;
            this.variant = variant;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return LararenaOcrCharFilterFactory.clean(reader, true, true);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new LowerCaseFilter(source);
            ts = new StopFilter(ts, stopWords);
            if (decompounder != null) {
                ts = new DecompoundTokenFilter(ts, decompounder);
            }
            ts = LararenaSwedishStemFilterFactory.stem(ts, variant, true);
            if (fold) {
                ts = new SwedishFoldingFilter(ts, true, false);
            }
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            TokenStream ts = new LowerCaseFilter(in);
            return fold ? new SwedishFoldingFilter(ts, true, false) : ts;
        }
    }
}
