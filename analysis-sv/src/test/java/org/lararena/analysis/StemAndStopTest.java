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
    @DisplayName("the definite form of a noun in -a meets its other forms: frågan, fråga, frågor and frågorna; munhälsan and munhälsa")
    void definiteFormOfNounsInA() {
        var light = stem(Map.of());
        assertThat(single("frågan", light)).isEqualTo(single("fråga", light)).isEqualTo(single("frågor", light))
            .isEqualTo(single("frågorna", light)).isEqualTo(single("frågans", light));
        assertThat(single("munhälsan", light)).isEqualTo(single("munhälsa", light));
        assertThat(single("veckan", light)).isEqualTo(single("veckor", light));
        assertThat(single("samverkan", light)).isEqualTo(single("samverkans", light)).isEqualTo(single("samverkar", light));
        assertThat(single("plan", stem(Map.of("base_form_endings", "false")))).as("a short word in -an is no definite form")
            .isEqualTo("pla");
        assertThat(single("frågan", stem(Map.of("definite_forms", "false")))).as("without the setting, as the light stemmer alone")
            .isNotEqualTo(single("fråga", stem(Map.of("definite_forms", "false"))));
    }

    @Test
    @DisplayName("a base form keeps the last letter of its stem and meets its other forms: kommun and kommunen, hemtjänst and hemtjänsten, patient and patienter")
    void baseFormKeepsItsLastLetter() {
        var light = stem(Map.of());
        assertThat(single("kommun", light)).isEqualTo(single("kommunen", light)).isEqualTo(single("kommunerna", light))
            .isEqualTo(single("kommuns", light)).isEqualTo("kommun");
        assertThat(single("region", light)).isEqualTo(single("regionerna", light));
        assertThat(single("barn", light)).isEqualTo(single("barnen", light)).isEqualTo(single("barnet", light));
        assertThat(single("hemtjänst", light)).isEqualTo(single("hemtjänsten", light)).isEqualTo(single("hemtjänstens", light));
        assertThat(single("bäst", light)).as("a superlative meets its other form").isEqualTo(single("bästa", light));
        assertThat(single("patient", light)).isEqualTo(single("patienter", light)).isEqualTo(single("patientens", light));
        assertThat(single("projekt", light)).isEqualTo(single("projektet", light));
        assertThat(single("plan", light)).as("a short word in -an is a base form").isEqualTo(single("planer", light));
    }

    @Test
    @DisplayName("the endings -en, -a, -e and a native neuter's -t are still taken")
    void endingsStillTaken() {
        var light = stem(Map.of());
        assertThat(single("egen", light)).isEqualTo(single("eget", light));
        assertThat(single("rent", light)).as("a short neuter in -nt").isEqualTo(single("ren", light));
        assertThat(single("sjukt", light)).as("a short neuter in -kt").isEqualTo(single("sjuk", light));
        assertThat(single("viktigt", light)).isEqualTo(single("viktig", light));
        assertThat(single("flicka", light)).isEqualTo(single("flickor", light));
        assertThat(single("kommun", stem(Map.of("base_form_endings", "false")))).as("without the setting, as the light stemmer alone")
            .isEqualTo("kommu");
    }

    @Test
    @DisplayName("a stem's doubled m or n is undone, so every form meets: badrum and badrummet, program and programmen, komma and kom, tunn and tunna")
    void doubledConsonants() {
        var light = stem(Map.of());
        assertThat(single("badrum", light)).isEqualTo(single("badrummet", light)).isEqualTo(single("badrummen", light));
        assertThat(single("program", light)).isEqualTo(single("programmet", light)).isEqualTo(single("programmens", light));
        assertThat(single("kom", light)).isEqualTo(single("komma", light)).isEqualTo(single("kommer", light));
        assertThat(single("tunn", light)).isEqualTo(single("tunna", light));
        assertThat(single("vän", light)).isEqualTo(single("vänner", light));
        assertThat(single("full", light)).as("other doubled consonants stay").isEqualTo(single("fullt", light)).isEqualTo("full");
        assertThat(single("badrummet", stem(Map.of("doubled_consonants", "false")))).as("without the setting")
            .isNotEqualTo(single("badrum", stem(Map.of("doubled_consonants", "false"))));
    }

    @Test
    @DisplayName("on every other word the light stemmer is Lucene's: the base-form rule changes nothing but a kept last -n or -t")
    void sameAsLuceneElsewhere() {
        List<String> stems = List.of("vård", "kommun", "patient", "fråg", "hemtjänst", "trygg", "bil", "hus", "pojk", "flick", "sjuk",
            "ren", "plan", "läs", "tänk", "arbet", "samverk", "kontakt", "barn", "egen", "stor", "kvinn", "ansvar", "resultat");
        List<String> endings = List.of("", "a", "e", "t", "n", "s", "en", "er", "ar", "or", "at", "te", "et", "are", "ast", "het", "arne",
            "erna", "ande", "else", "aste", "orna", "aren", "elser", "heten", "ens", "ets", "ernas", "ts", "ns");
        UnaryOperator<TokenStream> lucene = org.apache.lucene.analysis.sv.SwedishLightStemFilter::new;
        UnaryOperator<TokenStream> ours = in -> new SwedishBaseFormLightStemFilter(in, true, false);
        UnaryOperator<TokenStream> neither = in -> new SwedishBaseFormLightStemFilter(in, false, false);
        int kept = 0;
        for (String stem : stems) {
            for (String ending : endings) {
                String word = stem + ending;
                String theirs = single(word, lucene);
                String mine = single(word, ours);
                assertThat(single(word, neither)).as(word).isEqualTo(theirs);
                if (!mine.equals(theirs)) {
                    assertThat(mine).as(word).startsWith(theirs).hasSize(theirs.length() + 1).matches(".*[nt]");
                    kept++;
                }
            }
        }
        assertThat(kept).as("words whose last letter was kept").isBetween(1, stems.size() * endings.size() / 4);
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

    @Test
    @DisplayName("strong verbs, irregular plurals and comparisons meet their base form: undvek, undvikit and undvika")
    void irregularForms() {
        for (var stemmer : List.of(stem(Map.of()), stem(Map.of("variant", "snowball")))) {
            assertThat(single("undvek", stemmer)).isEqualTo(single("undvika", stemmer)).isEqualTo(single("undviker", stemmer))
                .isEqualTo(single("undvikit", stemmer));
            assertThat(single("förstod", stemmer)).isEqualTo(single("förstå", stemmer));
            assertThat(single("gick", stemmer)).isEqualTo(single("gå", stemmer));
            assertThat(single("storstäderna", stemmer)).isEqualTo(single("storstad", stemmer));
            assertThat(single("tjänstemännen", stemmer)).isEqualTo(single("tjänsteman", stemmer));
            assertThat(single("nyckelfritt", stemmer)).isEqualTo(single("nyckelfri", stemmer)).isEqualTo(single("nyckelfria", stemmer));
            assertThat(single("större", stemmer)).isEqualTo(single("stor", stemmer));
        }
    }

    @Test
    @DisplayName("forms that are also other words are left alone: drog (a drug), allmän, kvalitet, utsatt, ska")
    void ambiguousFormsUntouched() {
        var light = stem(Map.of());
        assertThat(single("drog", light)).isEqualTo(single("droger", light));
        assertThat(single("bidrog", light)).isEqualTo(single("bidra", light));
        assertThat(SwedishLemmas.lemma("allmän")).isNull();
        assertThat(SwedishLemmas.lemma("kvalitet")).isNull();
        assertThat(SwedishLemmas.lemma("utsatt")).isNull();
        assertThat(SwedishLemmas.lemma("samband")).isNull();
        assertThat(single("ska", light)).isNotEqualTo(single("skola", light));
        assertThat(single("undvek", stem(Map.of("lemmas", "false")))).isEqualTo("undvek");
    }
}
