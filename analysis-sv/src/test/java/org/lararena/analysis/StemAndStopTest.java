package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StemAndStopTest {

    private static UnaryOperator<TokenStream> stem(Map<String, ?> settings) {
        return new LararenaSwedishStemFilterFactory(Settings.of(LararenaSwedishStemFilterFactory.Settings.class, settings))::create;
    }

    private static UnaryOperator<TokenStream> stop(Map<String, ?> settings) {
        return new LararenaSwedishStopFilterFactory(Settings.of(LararenaSwedishStopFilterFactory.Settings.class, settings))::create;
    }

    private static String single(String word, UnaryOperator<TokenStream> chain) {
        List<String> t = Tokens.terms(word, chain);
        assertThat(t).hasSize(1);
        return t.get(0);
    }

    @Test
    @DisplayName("vårdcentralerna and vårdcentral share a stem")
    void vardcentral() {
        var light = stem(Map.of());
        assertThat(single("vårdcentralerna", light)).isEqualTo(single("vårdcentral", light)).isEqualTo(single("vårdcentralen", light));
    }

    @Test
    @DisplayName("samverkan and samverkans share a stem")
    void samverkan() {
        var light = stem(Map.of());
        assertThat(single("samverkans", light)).isEqualTo(single("samverkan", light));
    }

    @Test
    @DisplayName("utredningen, utredningar and utredning share a stem; tillgängligheten and tillgänglighet too")
    void moreStems() {
        var light = stem(Map.of());
        assertThat(single("utredningen", light)).isEqualTo(single("utredningar", light)).isEqualTo(single("utredning", light));
        assertThat(single("tillgängligheten", light)).isEqualTo(single("tillgänglighet", light));
    }

    @Test
    @DisplayName("variant selects minimal or snowball stemming, and an unknown variant is an error")
    void variants() {
        assertThat(single("vårdcentralerna", stem(Map.of("variant", "minimal")))).isEqualTo("vårdcentral");
        assertThat(single("samverkans", stem(Map.of("variant", "snowball")))).isEqualTo(single("samverkan", stem(Map.of("variant", "snowball"))));
        assertThatThrownBy(() -> stem(Map.of("variant", "porter"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("porter");
    }

    @Test
    @DisplayName("Swedish stop words are removed by default, and stopwords/keep/_none_ change the list")
    void stopWords() {
        assertThat(Tokens.terms("vård och omsorg för de äldre i kommunen", stop(Map.of())))
            .containsExactly("vård", "omsorg", "äldre", "kommunen");
        assertThat(Tokens.terms("vård och omsorg", stop(Map.of("stopwords", List.of("omsorg"))))).containsExactly("vård", "och");
        assertThat(Tokens.terms("vård och omsorg", stop(Map.of("stopwords", List.of("_none_"))))).containsExactly("vård", "och", "omsorg");
        assertThat(Tokens.terms("vi och man", stop(Map.of("keep", List.of("man"))))).containsExactly("man");
    }
}
