package org.lararena.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class SwedishAnalyzerTest {

    private static Analyzer analyzer(Map<String, ?> settings) {
        return new LararenaSwedishAnalyzerFactory(Settings.of(LararenaSwedishAnalyzerFactory.Settings.class, settings)).create();
    }

    /** The chain the README recommends for the passage index, built from the filter components. */
    private static UnaryOperator<TokenStream> recommendedChain() {
        var stop = new LararenaSwedishStopFilterFactory(Settings.absent(LararenaSwedishStopFilterFactory.Settings.class));
        var decompound = new LararenaDecompoundFilterFactory(Settings.absent(LararenaDecompoundFilterFactory.Settings.class));
        var stem = new LararenaSwedishStemFilterFactory(Settings.absent(LararenaSwedishStemFilterFactory.Settings.class));
        var fold = new LararenaFoldingFilterFactory(Settings.absent(LararenaFoldingFilterFactory.Settings.class));
        return ts -> fold.create(stem.create(decompound.create(stop.create(ts))));
    }

    @Test
    @DisplayName("lararena_swedish: compound parts are found, stemmed and folded; stop words go")
    void analyzerChain() {
        try (Analyzer a = analyzer(Map.of())) {
            assertThat(Tokens.terms(a, "Samsjuklighetsutredningen på vårdcentralerna"))
                .containsExactly("samsjuklighetsutredning", "samsjuklig", "utredning", "vardcentral");
        }
    }

    @Test
    @DisplayName("lararena_swedish: a query typed without diacritics meets the document's words")
    void queriesWithoutDiacritics() {
        try (Analyzer a = analyzer(Map.of())) {
            assertThat(Tokens.terms(a, "vardcentralerna tillganglighet")).isEqualTo(Tokens.terms(a, "vårdcentralen tillgängligheten"));
            assertThat(Tokens.terms(a, "utredning")).isSubsetOf(Tokens.terms(a, "samsjuklighetsutredningen"));
        }
    }

    @Test
    @DisplayName("lararena_swedish: OCR mojibake and words broken over lines are repaired before tokenising")
    void ocrCleanup() {
        try (Analyzer a = analyzer(Map.of("decompound", "false"))) {
            assertThat(Tokens.terms(a, "tillgÃ¤nglig-\nheten")).isEqualTo(Tokens.terms(a, "tillgängligheten"));
            assertThat(Tokens.terms(a, "sjuk-\noch hälsovård")).containsExactly("sjuk", "halsovard");
            assertThat(Tokens.terms(a, "vård\u200Bcentral")).containsExactly("vardcentral");
        }
    }

    @Test
    @DisplayName("lararena_swedish settings: decompound=false, fold=false, stopwords")
    void analyzerSettings() {
        try (Analyzer a = analyzer(Map.of("decompound", "false", "fold", "false", "stopwords", List.of("_none_")))) {
            assertThat(Tokens.terms(a, "Samsjuklighetsutredningen på vårdcentralerna"))
                .containsExactly("samsjuklighetsutredning", "på", "vårdcentral");
        }
    }

    @Test
    @DisplayName("the recommended filter chain gives the same terms as lararena_swedish")
    void recommendedChainMatchesAnalyzer() {
        String text = "Samsjuklighetsutredningen på vårdcentralerna ger tillgänglighet och samverkans resultat";
        try (Analyzer a = analyzer(Map.of())) {
            assertThat(Tokens.terms(text, recommendedChain())).isEqualTo(Tokens.terms(a, text));
        }
    }
}
