package org.lararena.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.StemmerUtil;

/**
 * Lucene's light Swedish stemmer (Jacques Savoy's), with two parts of its own, each a setting: a base form keeps a
 * last letter that belongs to its stem ({@code keepStemEndings}), and a stem's doubled m or n is undone
 * ({@code undoubling}, below). The stemmer's last rule takes a final {@code -n} or {@code -t} from any word of four
 * letters or more that no longer ending matched, as if it were an ending; but the word's other forms keep it, because
 * their endings ({@code -en}, {@code -er}, {@code -et}, {@code -erna}) are what the stemmer takes from them. So
 * {@code kommun} became {@code kommu} while {@code kommunen} and {@code kommuner} became {@code kommun}, and a search
 * for the base form missed every passage with another form (as {@code region}, {@code medicin}, {@code barn},
 * {@code hemtjänst}, {@code patient} and {@code projekt} did).
 *
 * <p>Which final letters are endings follows Swedish inflection, not any list of words:
 * <ul>
 *   <li>{@code -n} is an ending only after {@code e} ({@code -en}: a definite form, a participle, {@code egen}); the
 *       definite form in {@code -an} of the nouns in {@code -a} is brought to its base form before this filter
 *       ({@link SwedishDefiniteFormFilter}), so what still ends in {@code -an} here is a short base form
 *       ({@code plan}). After any other letter the {@code -n} is the stem's ({@code kommun}, {@code region},
 *       {@code medicin}, {@code barn}, {@code namn}).</li>
 *   <li>{@code -t} after {@code s} is the stem's: nouns ({@code tjänst}, {@code kost}, {@code röst}) and superlatives
 *       ({@code bäst}, {@code störst}, whose other form is {@code bästa}); Swedish adjectives in {@code -s} make no
 *       neuter in {@code -t}. The supines of verbs in {@code -sa} ({@code läst}, {@code löst}) lose to this.</li>
 *   <li>{@code -t} after {@code n} or {@code k} following {@code a}, {@code e}, {@code i}, {@code o} or {@code u}, in a
 *       word of six letters or more, is the stem of a loanword ({@code patient}, {@code procent}, {@code intressant},
 *       {@code projekt}, {@code kontakt}, {@code produkt}); the neuters and supines so made are short native words
 *       ({@code rent}, {@code fint}, {@code sjukt}, {@code tänkt}) and keep losing their {@code -t}.</li>
 * </ul>
 * <p>With {@code undoubling}, a stem that ends in {@code -mm} or {@code -nn} loses one of the two letters. Swedish
 * writes a stem's final {@code m} single and doubles it before an ending ({@code badrum}, {@code badrummet};
 * {@code program}, {@code programmet}; {@code komma}, {@code kom}), and a final {@code n} now single ({@code man},
 * {@code mannen}; {@code vän}, {@code vänner}), now double ({@code tunn}, {@code tunna}); with one letter every form
 * meets. Other doubled consonants stay: the base form holds them as its other forms do ({@code full}, {@code fullt}).
 *
 * <p>Lucene keeps its stemmer's rules in a class of its package ({@code SwedishLightStemmer} is not public), so they are
 * written out here, in the same order; {@code StemAndStopTest} holds them to Lucene's {@code SwedishLightStemFilter}
 * on every word this filter does not change. Keyword-marked tokens are left alone. Expects lower-cased, unfolded text.
 */
final class SwedishBaseFormLightStemFilter extends TermRewriteFilter {

    /** Below this length a word in vowel + {@code -nt} or {@code -kt} is more often a neuter or a supine. */
    private static final int MIN_LOANWORD_LENGTH = 6;

    /** The light stemmer's endings, longest first, each with the length a word must exceed to lose it. */
    private static final List<Endings> ENDINGS = List.of(
        new Endings(7, "elser", "heten"),
        new Endings(6, "arne", "erna", "ande", "else", "aste", "orna", "aren"),
        new Endings(5, "are", "ast", "het"),
        new Endings(4, "ar", "er", "or", "en", "at", "te", "et"));

    private record Endings(int longerThan, String... endings) {
    }

    private final boolean keepStemEndings;
    private final boolean undoubling;

    /**
     * The light stemmer, keeping a base form's own last {@code -n} or {@code -t} when {@code keepStemEndings} and
     * undoing a stem's final {@code -mm} or {@code -nn} when {@code undoubling}; with neither, Lucene's.
     */
    SwedishBaseFormLightStemFilter(TokenStream input, boolean keepStemEndings, boolean undoubling) {
        super(input);
        this.keepStemEndings = keepStemEndings;
        this.undoubling = undoubling;
    }

    @Override
    void rewrite(CharTermAttribute term) {
        char[] chars = term.buffer();
        int length = term.length();
        // A genitive -s first, from words of five letters or more; then at most one ending.
        int word = length > 4 && chars[length - 1] == 's' ? length - 1 : length;
        int stem = stem(chars, word);
        if (undoubling && stem > 3 && (chars[stem - 1] == 'm' || chars[stem - 1] == 'n') && chars[stem - 2] == chars[stem - 1]) {
            stem--;
        }
        term.setLength(stem);
    }

    /** The length of the stem of the {@code word} first letters of {@code chars}, their genitive {@code -s} taken. */
    private int stem(char[] chars, int word) {
        for (Endings rule : ENDINGS) {
            if (word > rule.longerThan()) {
                for (String ending : rule.endings()) {
                    if (StemmerUtil.endsWith(chars, word, ending)) {
                        return word - ending.length();
                    }
                }
            }
        }
        if (word > 3 && "taen".indexOf(chars[word - 1]) >= 0 && !(keepStemEndings && lastLetterIsTheStems(chars, word))) {
            return word - 1;
        }
        return word;
    }

    /** Whether the last letter of the {@code word} first letters of {@code chars} belongs to the stem, not to an ending. */
    private static boolean lastLetterIsTheStems(char[] chars, int word) {
        char last = chars[word - 1];
        char before = chars[word - 2];
        if (last == 'n') {
            return before != 'e';
        }
        if (last != 't') {
            return false;
        }
        if (before == 's') {
            return true;
        }
        return (before == 'n' || before == 'k') && word >= MIN_LOANWORD_LENGTH && "aeiou".indexOf(chars[word - 3]) >= 0;
    }
}
