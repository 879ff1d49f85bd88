package org.lararena.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
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
import java.nio.file.Files;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code lararena_synonyms}: a Lucene synonym graph from rules in Solr format ({@code nära vård, närsjukvård} or
 * {@code BVC => barnavårdscentral}). Settings:
 * <ul>
 *   <li>{@code synonyms} (list): rules given inline;</li>
 *   <li>{@code synonyms_path} (string): a rules file (UTF-8) relative to the config dir;</li>
 *   <li>{@code synonyms_path_optional} (boolean, false): a missing rules file means no rules from it, not an error
 *       (for rules drawn from a resource a node may lack, such as a general thesaurus; a file that is there but
 *       cannot be read is still an error);</li>
 *   <li>{@code expand} (boolean, true): whether {@code a, b} maps each to both (else both to {@code a});</li>
 *   <li>{@code flatten} (boolean, false): add a FlattenGraphFilter, needed only if used at index time;</li>
 *   <li>{@code rules_as_stems} (boolean, false): read the rules' words as the search chain reads a word before this
 *       filter when it stands last: lower-cased, irregular forms to their base form, light-stemmed and folded;</li>
 *   <li>{@code synonyms_only} (boolean, false): give only the words the rules put in, not the words given (a word no
 *       rule maps gives nothing): with rules such as {@code problem => svårighet, besvär}, a query of what its words
 *       are in other words, and of nothing else.</li>
 * </ul>
 * By default rule text is tokenised with the standard tokenizer and lower-cased, so put this filter right after
 * lower-casing (before stop words, stemming and folding). With {@code rules_as_stems} put it after
 * {@code lararena_folding}: a rule written in base forms ({@code problem => svårighet}) then also matches the
 * query's inflections ({@code problemen}), and gives the stems the index holds. Without rules it passes tokens through
 * unchanged.
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

        @BooleanSetting(path = "rules_as_stems", defaultValue = false)
        boolean rulesAsStems();

        @BooleanSetting(path = "synonyms_path_optional", defaultValue = false)
        boolean synonymsPathOptional();

        @BooleanSetting(path = "synonyms_only", defaultValue = false)
        boolean synonymsOnly();
    }

    private final SynonymMap map;
    private final boolean flatten;
    private final boolean synonymsOnly;

    @Inject
    public LararenaSynonymsFilterFactory(Settings settings) {
        List<String> rules = new ArrayList<>(settings.synonyms() == null ? List.of() : settings.synonyms());
        if (ConfigFiles.hasText(settings.synonymsPath())
                && !(settings.synonymsPathOptional() && Files.notExists(ConfigFiles.resolve(settings.synonymsPath())))) {
            rules.addAll(WordLists.file(settings.synonymsPath()));
        }
        this.map = build(rules, settings.expand(), settings.rulesAsStems());
        this.flatten = settings.flatten();
        this.synonymsOnly = settings.synonymsOnly();
    }

    /** The synonym map for {@code rules}, or {@code null} when there are none. */
    static SynonymMap build(List<String> rules, boolean expand) {
        return build(rules, expand, false);
    }

    /** The synonym map for {@code rules}, their words read as stems when {@code asStems}; {@code null} when there are none. */
    static SynonymMap build(List<String> rules, boolean expand, boolean asStems) {
        if (rules.isEmpty()) {
            return null;
        }
        try (Analyzer ruleAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream lowerCased = new LowerCaseFilter(source);
                return new TokenStreamComponents(source, asStems ? asSearchStems(lowerCased) : lowerCased);
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

    /**
     * What the search chain ({@code sv_search} in the passage index) does to a lower-cased word after its stop words:
     * base forms and the light stemmer ({@code lararena_swedish_stem}), then folding ({@code lararena_folding}).
     */
    private static TokenStream asSearchStems(TokenStream lowerCased) {
        TokenStream stemmed = LararenaSwedishStemFilterFactory.stem(lowerCased, LararenaSwedishStemFilterFactory.Variant.LIGHT, true);
        return new SwedishFoldingFilter(stemmed, true, false);
    }

    boolean hasRules() {
        return map != null;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (map == null) {
            return synonymsOnly ? new TypeTokenFilter(tokenStream, Set.of(SynonymGraphFilter.TYPE_SYNONYM), true) : tokenStream;
        }
        TokenStream out = new SynonymGraphFilter(tokenStream, map, false);
        if (synonymsOnly) {
            // What the rules put in is typed SYNONYM; the words given, and those no rule maps, are not.
            out = new TypeTokenFilter(out, Set.of(SynonymGraphFilter.TYPE_SYNONYM), true);
        }
        return flatten ? new FlattenGraphFilter(out) : out;
    }
}
