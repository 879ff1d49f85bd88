package org.lararena.ingest.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.ingest.pipeline.SpeakerRoles;
import org.lararena.ingest.repair.Vocabulary;

/**
 * Finds the person names spoken inside one document's passages, so that everyone but researchers reads a pseudonym
 * instead. The rule (designed before it was measured; method and figures in {@code docs/names.md}):
 * <ol>
 *   <li>The document's speaker names, in every form (full name, first name, surname, genitive "-s"), always, and
 *       they become that speaker's pseudonym ("Respondent 2").</li>
 *   <li>A given name of the list ({@link GivenNames}) written with a capital. Mid-sentence the capital alone decides,
 *       as Swedish writes ordinary words small there. At the start of a sentence the capital says nothing, so a name
 *       that is also a frequent ordinary word ("Hans", "Per", "Dag", "Bo") needs a context cue there.</li>
 *   <li>A capitalised word after a strong cue ("heter", "kallas", a title such as "doktor" or "sjuksköterskan"), even
 *       when it is in no list; once found, the document's other mid-sentence occurrences are names too.</li>
 *   <li>A listed surname with a cue ("enligt Lindqvist", "Andersson sa"), and a capitalised word right after a found
 *       given name (the rest of a full name, "Kajsa Öhrvall").</li>
 * </ol>
 * Everything else is left alone: words in small letters are never names here, nor are words in capitals only
 * (abbreviations), unless they are a speaker's name.
 */
public final class SpokenNames {

    /** What a name that is not a speaker's becomes. */
    public static final String NAME_PLACEHOLDER = "[namn]";

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    /** Cues before a name that make any capitalised word a name (what someone is called, a title). */
    private static final Set<String> STRONG_CUES_BEFORE = Set.of("heter", "hette", "kallas", "kallades", "kallad",
            "doktor", "dr", "syster", "sjuksköterskan", "sköterskan", "undersköterskan", "läkaren", "överläkaren",
            "distriktsläkaren", "kuratorn", "barnmorskan", "fysioterapeuten", "arbetsterapeuten", "professor", "docent",
            "fru", "herr", "kollegan", "kollega", "chefen", "enhetschefen", "verksamhetschefen", "samordnaren",
            "projektledaren", "patienten", "brukaren", "dottern", "sonen", "maken", "makan", "sambon");
    /** Cues before a name that confirm a listed name ("enligt Per", "frågade Hans"). */
    private static final Set<String> CUES_BEFORE = Set.of("enligt", "frågade", "frågar", "fråga", "sa", "sade", "säger",
            "berättade", "ringde", "mejlade", "träffade", "hälsade");
    /** Cues after a name that confirm it ("Per sa", "Hans tyckte"). */
    private static final Set<String> CUES_AFTER = Set.of("sa", "sade", "säger", "tyckte", "tycker", "frågade", "frågar",
            "berättade", "berättar", "menade", "menar", "svarade", "svarar", "skrev", "skriver", "ringde", "ringer",
            "föreslog", "påpekade");
    /** Words of a speaker label that name a role or a number, never a person ("Respondent 2", "IP 3", "Deltagare"). */
    private static final Set<String> ROLE_WORDS = Set.of("respondent", "deltagare", "informant", "intervjuperson", "ip",
            "person", "talare", "röst", "publik", "okänd", "alla", "flera", "kvinna", "man", "fråga", "svar", "patient",
            "anhörig", "chef", "läkare", "sjuksköterska", "medarbetare", "grupp", "deltagarna", "r", "d", "p");

    private static final Vocabulary COMMON_WORDS = Vocabulary.bundled();

    private final GivenNames names;
    /** Speaker-name forms as written in text ("Kajsa", "Kajsa Lind", "KAJSA") to the speaker's pseudonym. */
    private final Map<String, String> speakerForms;
    /** Names this document revealed through a strong cue, though no list has them. */
    private final Set<String> documentNames = new HashSet<>();

    private SpokenNames(GivenNames names, Map<String, String> speakerForms) {
        this.names = names;
        this.speakerForms = speakerForms;
    }

    /** A name found in a text: {@code [start, end)} and what a reader who is not a researcher sees instead. */
    public record Found(int start, int end, String replacement) {
    }

    /**
     * The finder for one document: its speakers (label to pseudonym, as {@code SpeakerPseudonyms} assigns them) and
     * its passage texts, read once first for the names that strong cues reveal.
     */
    public static SpokenNames forDocument(Map<String, String> speakerPseudonyms, List<String> texts) {
        SpokenNames finder = new SpokenNames(GivenNames.standard(), speakerForms(speakerPseudonyms));
        for (String text : texts) {
            if (text != null) {
                finder.learn(text);
            }
        }
        return finder;
    }

    /** The names in {@code text}, in order, not overlapping. */
    public List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        List<Token> tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            SpeakerName speaker = speakerAt(tokens, i, text);
            if (speaker != null) {
                int last = i + speaker.words() - 1;
                found.add(new Found(token.start, tokens.get(last).end, withGenitive(speaker.pseudonym(), tokens.get(last).word)));
                i = last;
                continue;
            }
            if (!capitalised(token.word) || !isName(tokens, i, text)) {
                continue;
            }
            int last = i;
            if (i + 1 < tokens.size() && restOfFullName(tokens, i + 1, text)) {
                last = i + 1;
            }
            found.add(new Found(token.start, tokens.get(last).end, withGenitive(NAME_PLACEHOLDER, tokens.get(last).word)));
            i = last;
        }
        return found;
    }

    /** {@code text} with every name found replaced. */
    public String pseudonymise(String text) {
        return NameSpans.apply(text, find(text));
    }

    private void learn(String text) {
        List<Token> tokens = tokens(text);
        for (int i = 1; i < tokens.size(); i++) {
            String word = tokens.get(i).word;
            if (capitalised(word) && !atSentenceStart(text, tokens.get(i).start) && adjacent(tokens, i - 1, text)
                    && STRONG_CUES_BEFORE.contains(lower(tokens.get(i - 1).word)) && !COMMON_WORDS.contains(base(word))) {
                documentNames.add(base(word));
            }
        }
    }

    private boolean isName(List<Token> tokens, int i, String text) {
        String word = tokens.get(i).word;
        String name = base(word);
        boolean sentenceStart = atSentenceStart(text, tokens.get(i).start);
        boolean common = COMMON_WORDS.contains(name);
        if (names.isGivenName(word) || names.isGivenName(name) || documentNames.contains(name)) {
            return !sentenceStart || !common || cueBefore(tokens, i, text) || cueAfter(tokens, i, text);
        }
        if (sentenceStart || common) {
            return false;
        }
        if (i > 0 && adjacent(tokens, i - 1, text) && STRONG_CUES_BEFORE.contains(lower(tokens.get(i - 1).word))) {
            return true;
        }
        return names.isSurname(name) && (cueBefore(tokens, i, text) || cueAfter(tokens, i, text));
    }

    /** A capitalised word right after a name, not starting a sentence: a surname, or a word of no frequent kind. */
    private boolean restOfFullName(List<Token> tokens, int i, String text) {
        String word = tokens.get(i).word;
        return adjacent(tokens, i - 1, text) && capitalised(word) && !COMMON_WORDS.contains(base(word))
                && (names.isSurname(base(word)) || !names.isGivenName(base(word)));
    }

    private boolean cueBefore(List<Token> tokens, int i, String text) {
        if (i == 0 || !adjacent(tokens, i - 1, text)) {
            return false;
        }
        String before = lower(tokens.get(i - 1).word);
        return CUES_BEFORE.contains(before) || STRONG_CUES_BEFORE.contains(before);
    }

    private boolean cueAfter(List<Token> tokens, int i, String text) {
        return i + 1 < tokens.size() && adjacent(tokens, i, text) && CUES_AFTER.contains(lower(tokens.get(i + 1).word));
    }

    /** A speaker's pseudonym and how many words of the text named them. */
    private record SpeakerName(String pseudonym, int words) {
    }

    /** The speaker named at token {@code i} (two words first: "Kajsa Lind"), or null. */
    private SpeakerName speakerAt(List<Token> tokens, int i, String text) {
        if (speakerForms.isEmpty()) {
            return null;
        }
        String two = twoWords(tokens, i, text);
        if (two != null && (speakerForms.containsKey(two) || speakerForms.containsKey(base(two)))) {
            return new SpeakerName(speakerForms.getOrDefault(two, speakerForms.get(base(two))), 2);
        }
        String one = tokens.get(i).word;
        if (speakerForms.containsKey(one) || speakerForms.containsKey(base(one))) {
            return new SpeakerName(speakerForms.getOrDefault(one, speakerForms.get(base(one))), 1);
        }
        return null;
    }

    /** Tokens {@code i} and {@code i + 1} joined by one space when only a space parts them; else null. */
    private static String twoWords(List<Token> tokens, int i, String text) {
        return i + 1 < tokens.size() && adjacent(tokens, i, text) ? tokens.get(i).word + " " + tokens.get(i + 1).word : null;
    }

    private static Map<String, String> speakerForms(Map<String, String> speakerPseudonyms) {
        Map<String, String> forms = new HashMap<>();
        speakerPseudonyms.forEach((label, pseudonym) -> {
            if (!namesPerson(label)) {
                return;
            }
            List<String> words = List.of(label.strip().split("\\s+"));
            List<String> asWritten = words.stream().map(SpokenNames::titleCase).toList();
            forms.put(String.join(" ", asWritten), pseudonym);
            forms.put(String.join(" ", words).toUpperCase(Locale.ROOT), pseudonym);
            for (String word : asWritten) {
                if (word.length() > 1) {
                    forms.putIfAbsent(word, pseudonym);
                    forms.putIfAbsent(word.toUpperCase(Locale.ROOT), pseudonym);
                }
            }
        });
        return forms;
    }

    /** Whether a speaker label is a person's name: letters only, and no role word ("Intervjuare", "Respondent 2"). */
    static boolean namesPerson(String label) {
        if (label == null || label.isBlank() || !label.strip().matches("\\p{L}+(?:[- ]\\p{L}+)*")) {
            return false;
        }
        if (!SpeakerRoles.RESPONDENT.equals(SpeakerRoles.of(label, null))) {
            return false;
        }
        for (String word : label.strip().split("[\\s-]+")) {
            if (ROLE_WORDS.contains(lower(word))) {
                return false;
            }
        }
        return true;
    }

    /** A Swedish genitive keeps its ending on the pseudonym: "Kajsas" is "Respondent 1:s". */
    private String withGenitive(String replacement, String word) {
        return !base(word).equals(word) ? replacement + ":s" : replacement;
    }

    /** The word without a genitive "s" when what remains is a known name ("Kajsas" → "Kajsa"); else the word. */
    private String base(String word) {
        if (word == null || word.length() < 3 || !word.endsWith("s")) {
            return word;
        }
        String stem = word.substring(0, word.length() - 1);
        boolean known = names.isGivenName(stem) || names.isSurname(stem) || documentNames.contains(stem)
                || speakerForms.containsKey(stem);
        return known && !names.isGivenName(word) ? stem : word;
    }

    private static boolean capitalised(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && Character.isLowerCase(word.charAt(1));
    }

    /** Whether nothing but spaces, quotes or opening marks stand between the start of a sentence and {@code at}. */
    static boolean atSentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == '…') {
                return true;
            }
            if (!Character.isWhitespace(c) && "\"'”“»«(–—-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether only spaces (no punctuation) stand between token {@code i} and the next. */
    private static boolean adjacent(List<Token> tokens, int i, String text) {
        if (i < 0 || i + 1 >= tokens.size()) {
            return false;
        }
        return text.substring(tokens.get(i).end, tokens.get(i + 1).start).matches("[ \\t\\u00a0]+");
    }

    private static String titleCase(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-';
        }
        return out.toString();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.start(), m.end(), m.group()));
        }
        return tokens;
    }

    private record Token(int start, int end, String word) {
    }
}
