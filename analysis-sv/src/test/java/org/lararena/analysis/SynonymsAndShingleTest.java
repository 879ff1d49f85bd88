package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
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

class SynonymsAndShingleTest {

    @TempDir
    Path configDir;

    @AfterEach
    void clearConfigDir() {
        System.clearProperty(ConfigFiles.CONFIG_DIR_PROPERTY);
    }

    private static LararenaSynonymsFilterFactory synonyms(Map<String, ?> settings) {
        return new LararenaSynonymsFilterFactory(Settings.of(LararenaSynonymsFilterFactory.Settings.class, settings));
    }

    private static UnaryOperator<TokenStream> shingle(Map<String, ?> settings) {
        return new LararenaShingleFilterFactory(Settings.of(LararenaShingleFilterFactory.Settings.class, settings))::create;
    }

    @Test
    @DisplayName("without rules lararena_synonyms passes tokens through unchanged")
    void noRulesNoOp() {
        var f = synonyms(Map.of());
        assertThat(f.hasRules()).isFalse();
        assertThat(Tokens.positioned("nära vård", f::create)).containsExactly("+1:nära", "+1:vård");
    }

    @Test
    @DisplayName("inline rules expand abbreviations and multi-word synonyms as a graph")
    void inlineRules() {
        var f = synonyms(Map.of("synonyms", List.of("bvc, barnavårdscentral", "nära vård, närsjukvård")));
        assertThat(Tokens.terms("BVC", f::create)).containsExactlyInAnyOrder("bvc", "barnavårdscentral");
        assertThat(Tokens.terms("närsjukvård", f::create)).containsExactlyInAnyOrder("närsjukvård", "nära", "vård");
        assertThat(Tokens.terms("nära vård", f::create)).contains("närsjukvård", "nära", "vård");
    }

    @Test
    @DisplayName("explicit mappings and synonyms_path from the config dir")
    void rulesFile() throws IOException {
        Files.createDirectories(configDir.resolve("lararena"));
        Files.writeString(configDir.resolve("lararena/synonyms.txt"), "# rules\nvc => vårdcentral\n");
        System.setProperty(ConfigFiles.CONFIG_DIR_PROPERTY, configDir.toString());
        var f = synonyms(Map.of("synonyms_path", "lararena/synonyms.txt", "flatten", "true"));
        assertThat(Tokens.terms("vc", f::create)).containsExactly("vårdcentral");
    }

    @Test
    @DisplayName("broken synonym rules are a configuration error")
    void brokenRules() {
        assertThatThrownBy(() -> synonyms(Map.of("synonyms", List.of("a => b => c"))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("lararena_shingle makes two-word shingles, with or without unigrams")
    void shingles() {
        assertThat(Tokens.terms("nära vård i värmland", shingle(Map.of())))
            .containsExactly("nära", "nära vård", "vård", "vård i", "i", "i värmland", "värmland");
        assertThat(Tokens.terms("nära vård i värmland", shingle(Map.of("output_unigrams", "false"))))
            .containsExactly("nära vård", "vård i", "i värmland");
        assertThat(Tokens.terms("vård", shingle(Map.of("output_unigrams", "false", "output_unigrams_if_no_shingles", "true"))))
            .containsExactly("vård");
    }

    @Test
    @DisplayName("impossible shingle sizes are rejected")
    void badShingleSizes() {
        assertThatThrownBy(() -> shingle(Map.of("min_shingle_size", "3", "max_shingle_size", "2")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
