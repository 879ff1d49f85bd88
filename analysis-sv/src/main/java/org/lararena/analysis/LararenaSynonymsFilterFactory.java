package org.lararena.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lararena_synonyms}: a Lucene synonym graph from rules in Solr format ({@code nära vård, närsjukvård} or
 * {@code BVC => barnavårdscentral}). Settings:
 * <ul>
 *   <li>{@code synonyms} (list): rules given inline;</li>
 *   <li>{@code synonyms_path} (string): a rules file (UTF-8) relative to the config dir;</li>
 *   <li>{@code expand} (boolean, true): whether {@code a, b} maps each to both (else both to {@code a});</li>
 *   <li>{@code flatten} (boolean, false): add a FlattenGraphFilter, needed only if used at index time.</li>
 * </ul>
 * Rule text is tokenised with the standard tokenizer and lower-cased, so put this filter right after lower-casing
 * (before stop words, stemming and folding). Without rules it passes tokens through unchanged.
 */
@NamedComponent("lararena_synonyms")
public final class LararenaSynonymsFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "synonyms")
        List<String> synonyms();

        @StringSetting(path = "synonyms_path", defaultValue = "")
        String synonymsPath();

        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();

        @BooleanSetting(path = "flatten", defaultValue = false)
        boolean flatten();
    }

    private final SynonymMap map;
    private final boolean flatten;

    @Inject
    public LararenaSynonymsFilterFactory(Settings settings) {
        List<String> rules = new ArrayList<>(settings.synonyms() == null ? List.of() : settings.synonyms());
        if (ConfigFiles.hasText(settings.synonymsPath())) {
            rules.addAll(WordLists.file(settings.synonymsPath()));
        }
        this.map = build(rules, settings.expand());
        this.flatten = settings.flatten();
    }

    /** The synonym map for {@code rules}, or {@code null} when there are none. */
    static SynonymMap build(List<String> rules, boolean expand) {
        if (rules.isEmpty()) {
            return null;
        }
        try (Analyzer ruleAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        }) {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, ruleAnalyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            SynonymMap built = parser.build();
            return built.fst == null ? null : built;
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("lararena_synonyms: invalid synonym rules: " + e.getMessage(), e);
        }
    }

    boolean hasRules() {
        return map != null;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (map == null) {
            return tokenStream;
        }
        TokenStream out = new SynonymGraphFilter(tokenStream, map, false);
        return flatten ? new FlattenGraphFilter(out) : out;
    }
}
