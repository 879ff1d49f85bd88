package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code lararena_decompound}: dictionary decompounding of Swedish compounds; the token is kept and its parts are
 * added at the same position ({@code samsjuklighetsutredningen} → also {@code samsjuklighet}, {@code utredning}).
 * See {@link SwedishDecompounder} for the rules. Settings:
 * <ul>
 *   <li>{@code words} (list): dictionary words given inline;</li>
 *   <li>{@code words_path} (string): a dictionary file (UTF-8, one word a line, {@code #} comments), relative to
 *       the Elasticsearch config dir, e.g. {@code lararena/decompound.txt};</li>
 *   <li>{@code part_words_path} (string): a general word list (same format) whose words serve only as parts: a
 *       word found there is still split when its parts are words (such lists hold many compounds of their own);</li>
 *   <li>{@code use_default_dictionary} (boolean, true): also use the dictionary shipped in the plugin;</li>
 *   <li>{@code min_word_size} (int, 7): shorter tokens are not split;</li>
 *   <li>{@code min_subword_size} (int, 3): shortest dictionary word used as a part;</li>
 *   <li>{@code max_parts} (int, 4);</li>
 *   <li>{@code match_folded} (boolean, true): also match parts with diacritics lost ({@code vard} finds
 *       {@code vård}); parts are emitted in the dictionary's spelling;</li>
 *   <li>{@code split} (boolean, false): the parts follow one another, as if written apart, with the compound
 *       spanning them as in a token graph (for a search analyzer: a compound in the query then also finds its parts
 *       written apart or hyphenated, as a phrase).</li>
 * </ul>
 * Put it after lower-casing and before stemming and folding.
 */
@NamedComponent("lararena_decompound")
public final class LararenaDecompoundFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "words")
        List<String> words();

        @StringSetting(path = "words_path", defaultValue = "")
        String wordsPath();

        @StringSetting(path = "part_words_path", defaultValue = "")
        String partWordsPath();

        @BooleanSetting(path = "use_default_dictionary", defaultValue = true)
        boolean useDefaultDictionary();

        @IntSetting(path = "min_word_size", defaultValue = 7)
        int minWordSize();

        @IntSetting(path = "min_subword_size", defaultValue = 3)
        int minSubwordSize();

        @IntSetting(path = "max_parts", defaultValue = 4)
        int maxParts();

        @BooleanSetting(path = "match_folded", defaultValue = true)
        boolean matchFolded();

        @BooleanSetting(path = "split", defaultValue = false)
        boolean split();
    }

    private record Key(List<String> words, String path, List<String> fileWords, String partPath, List<String> partWords,
                       boolean useDefault, int minWord, int minSub, int maxParts, boolean folded) {}

    private static final Map<Key, SwedishDecompounder> CACHE = new ConcurrentHashMap<>();

    private final SwedishDecompounder decompounder;
    private final boolean split;

    @Inject
    public LararenaDecompoundFilterFactory(Settings settings) {
        this.decompounder = decompounder(
            settings.words(),
            settings.wordsPath(),
            settings.partWordsPath(),
            settings.useDefaultDictionary(),
            settings.minWordSize(),
            settings.minSubwordSize(),
            settings.maxParts(),
            settings.matchFolded()
        );
        this.split = settings.split();
    }

    /** Builds (or reuses) a decompounder; the default one is built once per node. */
    static SwedishDecompounder decompounder(
        List<String> words,
        String wordsPath,
        String partWordsPath,
        boolean useDefault,
        int minWordSize,
        int minSubwordSize,
        int maxParts,
        boolean matchFolded
    ) {
        List<String> fileWords = ConfigFiles.hasText(wordsPath) ? WordLists.file(wordsPath) : List.of();
        List<String> partWords = ConfigFiles.hasText(partWordsPath) ? WordLists.file(partWordsPath) : List.of();
        Key key = new Key(List.copyOf(words == null ? List.of() : words), wordsPath, fileWords, partWordsPath, partWords, useDefault,
            minWordSize, minSubwordSize, maxParts, matchFolded);
        if (CACHE.size() > 32) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(key, k -> {
            List<String> all = new ArrayList<>();
            if (k.useDefault()) {
                all.addAll(WordLists.defaultDictionary());
            }
            all.addAll(k.words());
            all.addAll(k.fileWords());
            return new SwedishDecompounder(all, k.partWords(), k.minWord(), k.minSub(), k.maxParts(), k.folded());
        });
    }

    static SwedishDecompounder defaults() {
        return decompounder(List.of(), "", "", true, 7, 3, 4, true);
    }

    SwedishDecompounder decompounder() {
        return decompounder;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DecompoundTokenFilter(tokenStream, decompounder, split);
    }
}
