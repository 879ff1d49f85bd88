package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecompoundTest {

    @TempDir
    Path configDir;

    @AfterEach
    void clearConfigDir() {
        System.clearProperty(ConfigFiles.CONFIG_DIR_PROPERTY);
    }

    private static LararenaDecompoundFilterFactory factory(Map<String, ?> settings) {
        return new LararenaDecompoundFilterFactory(Settings.of(LararenaDecompoundFilterFactory.Settings.class, settings));
    }

    private static UnaryOperator<TokenStream> decompound(Map<String, ?> settings) {
        return factory(settings)::create;
    }

    @Test
    @DisplayName("samsjuklighetsutredningen yields samsjuklighet and utredning, stacked on the compound")
    void samsjuklighetsutredningen() {
        assertThat(Tokens.positioned("samsjuklighetsutredningen visar", decompound(Map.of())))
            .containsExactly("+1:samsjuklighetsutredningen", "+0:samsjuklighet", "+0:utredning", "+1:visar");
    }

    @Test
    @DisplayName("linking -s-, -a-, dropped and changed final vowels are undone")
    void linkingMorphemes() {
        SwedishDecompounder d = LararenaDecompoundFilterFactory.defaults();
        assertThat(d.decompound("primärvårdsutvecklingen")).containsExactly("primärvård", "utveckling");
        assertThat(d.decompound("arbetsmiljöarbetet")).containsExactly("arbetsmiljö", "arbete");
        assertThat(d.decompound("barnavårdscentralen")).containsExactly("barnavård", "central");
        assertThat(d.decompound("skolgården")).containsExactly("skola", "gård");
        assertThat(d.decompound("gatuköket")).containsExactly("gata", "kök");
        assertThat(d.decompound("kyrkogården")).containsExactly("kyrka", "gård");
        assertThat(d.decompound("distriktssköterskemottagning")).containsExactly("distriktssköterska", "mottagning");
        assertThat(d.decompound("digitaliseringsstrategin")).containsExactly("digitalisering", "strategi");
    }

    @Test
    @DisplayName("dictionary words stay whole: vårdcentralerna is not split into vård and central")
    void lexicalisedCompoundsStayWhole() {
        SwedishDecompounder d = LararenaDecompoundFilterFactory.defaults();
        assertThat(d.decompound("vårdcentralerna")).isEmpty();
        assertThat(d.decompound("verksamheten")).isEmpty();
        assertThat(d.decompound("kommunerna")).isEmpty();
        assertThat(d.decompound("medarbetarna")).isEmpty();
    }

    @Test
    @DisplayName("text without diacritics still splits, into the dictionary's spelling")
    void foldedMatching() {
        SwedishDecompounder d = LararenaDecompoundFilterFactory.defaults();
        assertThat(d.decompound("vardcentralsutredning")).containsExactly("vårdcentral", "utredning");
        assertThat(factory(Map.of("match_folded", "false")).decompounder().decompound("vardcentralsutredning")).isEmpty();
    }

    @Test
    @DisplayName("a part written with å, ä or ö is taken as written: hälsolabbsträffen gives träff, not straff")
    void foldingNeverOverridesSwedishLetters() {
        var f = decompound(Map.of("words", List.of("hälsolabb", "träff")));
        assertThat(Tokens.terms("hälsolabbsträffen", f)).containsExactly("hälsolabbsträffen", "hälsolabb", "träff");
        assertThat(Tokens.terms("värmland västernorrland", f)).containsExactly("värmland", "västernorrland");
    }

    @Test
    @DisplayName("inline words extend the dictionary; use_default_dictionary=false leaves only them")
    void inlineWords() {
        var only = decompound(Map.of("words", List.of("hälsolabb", "träff"), "use_default_dictionary", "false"));
        assertThat(Tokens.terms("hälsolabbsträffen samsjuklighetsutredningen", only))
            .containsExactly("hälsolabbsträffen", "hälsolabb", "träff", "samsjuklighetsutredningen");
    }

    @Test
    @DisplayName("words_path is read relative to the config dir")
    void wordsFile() throws IOException {
        Files.createDirectories(configDir.resolve("lararena"));
        Files.writeString(configDir.resolve("lararena/decompound.txt"), "# test\nhälsolabb\nträff\n");
        System.setProperty(ConfigFiles.CONFIG_DIR_PROPERTY, configDir.toString());
        var f = decompound(Map.of("words_path", "lararena/decompound.txt", "use_default_dictionary", "false"));
        assertThat(Tokens.terms("hälsolabbsträffen", f)).containsExactly("hälsolabbsträffen", "hälsolabb", "träff");
    }

    @Test
    @DisplayName("a missing words file or one outside the config dir is a clear configuration error")
    void badWordsPath() {
        System.setProperty(ConfigFiles.CONFIG_DIR_PROPERTY, configDir.toString());
        assertThatThrownBy(() -> factory(Map.of("words_path", "lararena/nope.txt")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("nope.txt");
        assertThatThrownBy(() -> factory(Map.of("words_path", "../../etc/passwd")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("leaves the config directory");
    }

    @Test
    @DisplayName("keyword-marked tokens and short words are not split")
    void keywordsAndShortWords() {
        var d = factory(Map.of());
        CharArraySet protect = new CharArraySet(List.of("samsjuklighetsutredningen"), false);
        assertThat(Tokens.terms("samsjuklighetsutredningen", ts -> d.create(new SetKeywordMarkerFilter(ts, protect))))
            .containsExactly("samsjuklighetsutredningen");
        assertThat(Tokens.terms("hemvård", decompound(Map.of("min_word_size", "8")))).containsExactly("hemvård");
    }

    @Test
    @DisplayName("part_words_path: words of a general list lend parts but are split themselves; the dictionary's stay whole")
    void partWords() throws IOException {
        Files.createDirectories(configDir.resolve("lararena"));
        Files.writeString(configDir.resolve("lararena/general.txt"), "# a general list\nföräldraledighet\nföräldra\nledighet\n");
        System.setProperty(ConfigFiles.CONFIG_DIR_PROPERTY, configDir.toString());
        var general = decompound(Map.of("part_words_path", "lararena/general.txt"));
        assertThat(Tokens.terms("föräldraledigheten", general)).containsExactly("föräldraledigheten", "föräldra", "ledighet");
        var kept = decompound(Map.of("part_words_path", "lararena/general.txt", "words", List.of("föräldraledighet")));
        assertThat(Tokens.terms("föräldraledigheten", kept)).containsExactly("föräldraledigheten");
        assertThat(Tokens.terms("vårdcentralerna", general)).containsExactly("vårdcentralerna");
    }

    @Test
    @DisplayName("a compound of three parts also yields its leading compound as written: föräldrastöd in föräldrastödsprogrammet")
    void leadingCompound() {
        var f = decompound(Map.of("words", List.of("föräldra", "stöd", "program"), "use_default_dictionary", "false"));
        assertThat(Tokens.positioned("föräldrastödsprogrammet", f))
            .containsExactly("+1:föräldrastödsprogrammet", "+0:föräldra", "+0:stöd", "+0:program", "+0:föräldrastöd");
        assertThat(Tokens.terms("föräldrastödet", f)).containsExactly("föräldrastödet", "föräldra", "stöd");
    }

    @Test
    @DisplayName("split=true puts a compound's parts one after another, the compound spanning them as in a token graph")
    void split() {
        var f = decompound(Map.of("split", "true"));
        assertThat(Tokens.positioned("samsjuklighetsutredningen visar samverkan", f))
            .containsExactly("+1:samsjuklighetsutredningen", "+0:samsjuklighet", "+1:utredning", "+1:visar", "+1:samverkan");
        assertThat(Tokens.positionLengths("samsjuklighetsutredningen visar", f)).containsExactly(2, 1, 1, 1);
    }
}
