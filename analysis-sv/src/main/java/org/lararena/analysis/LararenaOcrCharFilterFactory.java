package org.lararena.analysis;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

import java.io.Reader;
import java.util.regex.Pattern;

/**
 * {@code lararena_ocr_cleanup}: repairs text from OCR and PDF extraction before tokenising. Settings:
 * <ul>
 *   <li>{@code fix_mojibake} (true): UTF-8 read as Latin-1 ({@code vÃ¥rd} → {@code vård}, {@code Ã¤ Ã¶ Ã©} and
 *       capitals), and invisible characters dropped (soft hyphen, zero-width space, word joiner, BOM) so that
 *       the tokenizer does not split words at them;</li>
 *   <li>{@code dehyphenate} (true): a word broken over a line with a hyphen is joined
 *       ({@code till-\ngänglighet} → {@code tillgänglighet}) unless the next line starts with a conjunction,
 *       as in {@code sjuk-\noch hälsovård}.</li>
 * </ul>
 */
@NamedComponent("lararena_ocr_cleanup")
public final class LararenaOcrCharFilterFactory implements CharFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "fix_mojibake", defaultValue = true)
        boolean fixMojibake();

        @BooleanSetting(path = "dehyphenate", defaultValue = true)
        boolean dehyphenate();
    }

    static final Pattern BROKEN_WORD = Pattern.compile(
        "(\\p{L})[-\u2010\u00AD][ \\t]*\\r?\\n[ \\t]*(?!(?:och|eller|samt|resp|respektive|som|till)\\b)(\\p{Ll})"
    );

    private static final NormalizeCharMap MOJIBAKE;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        String[][] pairs = {
            { "Ã¥", "å" }, { "Ã¤", "ä" }, { "Ã¶", "ö" }, { "Ã…", "Å" }, { "Ã„", "Ä" }, { "Ã–", "Ö" },
            { "Ã©", "é" }, { "Ã¼", "ü" }, { "Ã¸", "ø" }, { "Ã¦", "æ" },
            { "\u00AD", "" }, { "\u200B", "" }, { "\u2060", "" }, { "\uFEFF", "" }
        };
        for (String[] p : pairs) {
            b.add(p[0], p[1]);
        }
        MOJIBAKE = b.build();
    }

    private final boolean fixMojibake;
    private final boolean dehyphenate;

    @Inject
    public LararenaOcrCharFilterFactory(Settings settings) {
        this.fixMojibake = settings.fixMojibake();
        this.dehyphenate = settings.dehyphenate();
    }

    @Override
    public Reader create(Reader reader) {
        return clean(reader, fixMojibake, dehyphenate);
    }

    static Reader clean(Reader reader, boolean fixMojibake, boolean dehyphenate) {
        Reader r = reader;
        if (fixMojibake) {
            r = new MappingCharFilter(MOJIBAKE, r);
        }
        if (dehyphenate) {
            r = new PatternReplaceCharFilter(BROKEN_WORD, "$1$2", r);
        }
        return r;
    }

    @Override
    public Reader normalize(Reader reader) {
        return fixMojibake ? new MappingCharFilter(MOJIBAKE, reader) : reader;
    }
}
