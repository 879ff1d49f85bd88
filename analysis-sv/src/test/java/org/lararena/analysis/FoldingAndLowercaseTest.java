package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingAndLowercaseTest {

    private static UnaryOperator<TokenStream> folding(Map<String, ?> settings) {
        var f = new LararenaFoldingFilterFactory(Settings.of(LararenaFoldingFilterFactory.Settings.class, settings));
        return f::create;
    }

    @Test
    @DisplayName("vard meets vård and tillganglighet meets tillgänglighet")
    void diacriticsFold() {
        assertThat(Tokens.terms("vård VÅRD vard", folding(Map.of()))).containsExactly("vard", "vard", "vard");
        assertThat(Tokens.terms("tillgänglighet tillganglighet", folding(Map.of()))).containsExactly("tillganglighet", "tillganglighet");
    }

    @Test
    @DisplayName("OCR leftovers fold too: é, à, ligatures, soft hyphens and zero-width joiners")
    void ocrLeftoversFold() {
        assertThat(Tokens.terms("idé armé vàrd ﬁnansiering till\u00ADgänglighet vård\u200Dcentral", folding(Map.of())))
            .containsExactly("ide", "arme", "vard", "finansiering", "tillganglighet", "vardcentral");
    }

    @Test
    @DisplayName("æ and ø fold as their Swedish twins ä and ö do, as the annotator folds them (SwedishFolding)")
    void danishNorwegianTwinsFoldLikeSwedishLetters() {
        assertThat(Tokens.terms("ærlig ärlig smørrebrød Ærlig", folding(Map.of()))).containsExactly("arlig", "arlig", "smorrebrod", "arlig");
        for (String word : List.of("vårdcentral", "tillgänglighet", "ærlig", "smørrebrød", "idé", "Müller", "façade", "señor")) {
            StringBuilder folded = new StringBuilder();
            word.chars().forEach(c -> folded.append(SwedishFolding.fold((char) c)));
            assertThat(Tokens.rawTerms(word, folding(Map.of()))).as(word).containsExactly(folded.toString());
        }
    }

    @Test
    @DisplayName("fold_swedish_letters=false keeps å, ä, ö but still folds é and maps æ/ø to ä/ö")
    void keepSwedishLetters() {
        assertThat(Tokens.terms("vård idé Müller smørrebrød ærlig", folding(Map.of("fold_swedish_letters", "false"))))
            .containsExactly("vård", "ide", "muller", "smörrebröd", "ärlig");
    }

    @Test
    @DisplayName("preserve_original stacks the unfolded word after the folded one")
    void preserveOriginal() {
        assertThat(Tokens.positioned("vård och", folding(Map.of("preserve_original", "true"))))
            .containsExactly("+1:vard", "+0:vård", "+1:och");
        assertThat(Tokens.positioned("vård idé", folding(Map.of("preserve_original", "true", "fold_swedish_letters", "false"))))
            .containsExactly("+1:vård", "+1:ide", "+0:idé");
    }

    @Test
    @DisplayName("lararena_lowercase lower-cases Swedish capitals, also when normalizing")
    void lowercase() {
        var f = new LararenaLowercaseFilterFactory();
        assertThat(Tokens.rawTerms("ÅTERBESÖK Örebro", f::create)).containsExactly("återbesök", "örebro");
        assertThat(Tokens.rawTerms("ÅTERBESÖK", f::normalize)).containsExactly("återbesök");
        assertThat(Tokens.rawTerms("ÅTERBESÖK", ts -> ts)).containsExactly("ÅTERBESÖK");
    }

    @Test
    @DisplayName("folding normalizes (for normalizers and prefix queries) without stacking originals")
    void foldingNormalizes() {
        var f = new LararenaFoldingFilterFactory(Settings.of(LararenaFoldingFilterFactory.Settings.class, Map.of("preserve_original", "true")));
        assertThat(Tokens.terms("vårdcentral", f::normalize)).isEqualTo(List.of("vardcentral"));
    }
}
