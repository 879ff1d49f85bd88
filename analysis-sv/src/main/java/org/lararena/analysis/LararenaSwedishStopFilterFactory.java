package org.lararena.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lararena_swedish_stop}: removes stop words. Settings:
 * <ul>
 *   <li>{@code stopwords} (list): the words; {@code _swedish_} stands for Lucene's Swedish (Snowball) list,
 *       {@code _none_} for none. Absent: {@code _swedish_}.</li>
 *   <li>{@code stopwords_path} (string): a file of further words, one a line, relative to the config dir.</li>
 *   <li>{@code keep} (list): words never removed even if listed (e.g. {@code vård} homographs you need).</li>
 *   <li>{@code ignore_case} (boolean, false).</li>
 * </ul>
 */
@NamedComponent("lararena_swedish_stop")
public final class LararenaSwedishStopFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "stopwords")
        List<String> stopwords();

        @StringSetting(path = "stopwords_path", defaultValue = "")
        String stopwordsPath();

        @ListSetting(path = "keep")
        List<String> keep();

        @BooleanSetting(path = "ignore_case", defaultValue = false)
        boolean ignoreCase();
    }

    private final CharArraySet stopWords;

    @Inject
    public LararenaSwedishStopFilterFactory(Settings settings) {
        this.stopWords = build(settings.stopwords(), settings.stopwordsPath(), settings.keep(), settings.ignoreCase());
    }

    static CharArraySet build(List<String> listed, String path, List<String> keep, boolean ignoreCase) {
        List<String> words = new ArrayList<>();
        List<String> given = listed == null || listed.isEmpty() ? List.of("_swedish_") : listed;
        for (String w : given) {
            if (w.equals("_swedish_")) {
                for (Object o : SwedishAnalyzer.getDefaultStopSet()) {
                    words.add(o instanceof char[] chars ? new String(chars) : o.toString());
                }
            } else if (w.equals("_none_") == false) {
                words.add(w);
            }
        }
        if (ConfigFiles.hasText(path)) {
            words.addAll(WordLists.file(path));
        }
        CharArraySet kept = new CharArraySet(keep == null ? List.of() : keep, ignoreCase);
        CharArraySet set = new CharArraySet(words.size(), ignoreCase);
        for (String w : words) {
            if (kept.contains(w) == false) {
                set.add(w);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }

    static CharArraySet defaults() {
        return build(List.of(), "", List.of(), false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StopFilter(tokenStream, stopWords);
    }
}
