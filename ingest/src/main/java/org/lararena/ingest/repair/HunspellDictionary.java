package org.lararena.ingest.repair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A hunspell dictionary ({@code .dic} and {@code .aff}) read for word look-up: whether a string is a word form
 * (a stem or a stem with one of its suffixes), and whether it may begin or end a compound. Only what Swedish
 * needs is read: one-character flags, suffix rules ({@code SFX}) and the compound flags; prefixes, compound rules
 * for numbers and suggestions are ignored.
 *
 * <p>Words are looked up, never expanded: the Swedish dictionary's 150 000 stems with their suffixes would be
 * millions of forms, while one look-up tries only the few rules whose added ending the string ends in.
 */
final class HunspellDictionary {

    /** Where Debian's {@code hunspell-sv-se} installs the Swedish dictionary. */
    static final Path SWEDISH = Path.of("/usr/share/hunspell/sv_SE.dic");

    /**
     * What a string is in the dictionary: a word, a compound's first or middle part, a compound's last part, and a
     * linking form, a part that is made only for compounds ({@code hälso}, {@code forsknings}).
     */
    record Entry(boolean word, boolean compoundStart, boolean compoundEnd, boolean linkingForm) {
        static final Entry NONE = new Entry(false, false, false, false);

        Entry or(Entry other) {
            return new Entry(word || other.word, compoundStart || other.compoundStart, compoundEnd || other.compoundEnd,
                    linkingForm || other.linkingForm);
        }
    }

    private record Suffix(char flag, String strip, String add, String continuation, Pattern condition) {
    }

    private final Map<String, String> flagsByStem;
    private final Map<String, List<Suffix>> suffixesByEnding;
    private final int longestEnding;
    private final char compoundBegin;
    private final char compoundMiddle;
    private final char compoundEnd;
    private final char onlyInCompound;
    private final char needAffix;
    private final char forbidden;

    private HunspellDictionary(Map<String, String> flagsByStem, Map<String, List<Suffix>> suffixesByEnding, Map<String, Character> flags) {
        this.flagsByStem = flagsByStem;
        this.suffixesByEnding = suffixesByEnding;
        this.longestEnding = suffixesByEnding.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.compoundBegin = flags.getOrDefault("COMPOUNDBEGIN", '\0');
        this.compoundMiddle = flags.getOrDefault("COMPOUNDMIDDLE", '\0');
        this.compoundEnd = flags.getOrDefault("COMPOUNDEND", '\0');
        this.onlyInCompound = flags.getOrDefault("ONLYINCOMPOUND", '\0');
        this.needAffix = flags.getOrDefault("NEEDAFFIX", '\0');
        this.forbidden = flags.getOrDefault("FORBIDDENWORD", '\0');
    }

    /** The dictionary at {@code dic} with its {@code .aff} beside it, or empty when either cannot be read. */
    static Optional<HunspellDictionary> read(Path dic) {
        Path aff = dic.resolveSibling(dic.getFileName().toString().replaceFirst("\\.dic$", ".aff"));
        if (!Files.isReadable(dic) || !Files.isReadable(aff)) {
            return Optional.empty();
        }
        try {
            Map<String, Character> flags = new HashMap<>();
            Map<String, List<Suffix>> suffixes = new HashMap<>();
            for (String line : Files.readAllLines(aff, StandardCharsets.UTF_8)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && fields[1].length() == 1) {
                    flags.put(fields[0], fields[1].charAt(0));
                } else if (fields.length >= 5 && fields[0].equals("SFX") && fields[1].length() == 1) {
                    suffix(fields).ifPresent(suffix -> suffixes.computeIfAbsent(suffix.add(), k -> new ArrayList<>()).add(suffix));
                }
            }
            Map<String, String> stems = new HashMap<>();
            List<String> lines = Files.readAllLines(dic, StandardCharsets.UTF_8);
            // The first line is the number of entries.
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                int slash = line.indexOf('/');
                String stem = (slash < 0 ? line : line.substring(0, slash)).strip().toLowerCase(Locale.ROOT);
                String stemFlags = slash < 0 ? "" : line.substring(slash + 1).strip();
                if (!stem.isEmpty()) {
                    stems.merge(stem, stemFlags, String::concat);
                }
            }
            return Optional.of(new HunspellDictionary(stems, suffixes, flags));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Suffix> suffix(String[] fields) {
        String strip = fields[2].equals("0") ? "" : fields[2];
        String[] addAndFlags = fields[3].split("/", 2);
        String add = addAndFlags[0].equals("0") ? "" : addAndFlags[0];
        String continuation = addAndFlags.length > 1 ? addAndFlags[1] : "";
        try {
            // A hunspell condition is a simplified regular expression on the end of the stem.
            Pattern condition = fields[4].equals(".") ? null : Pattern.compile(".*" + fields[4]);
            return Optional.of(new Suffix(fields[1].charAt(0), strip, add.toLowerCase(Locale.ROOT), continuation, condition));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** What {@code lowerCaseWord} is in the dictionary. */
    Entry lookUp(String lowerCaseWord) {
        Entry found = Entry.NONE;
        String stemFlags = flagsByStem.get(lowerCaseWord);
        if (stemFlags != null) {
            found = entry(stemFlags, stemFlags);
        }
        int length = lowerCaseWord.length();
        for (int endingLength = 1; endingLength <= Math.min(longestEnding, length - 1); endingLength++) {
            List<Suffix> candidates = suffixesByEnding.get(lowerCaseWord.substring(length - endingLength));
            if (candidates != null) {
                found = found.or(withSuffix(lowerCaseWord.substring(0, length - endingLength), candidates));
            }
        }
        // Rules that add nothing (a stem that is also a compound form as it stands).
        List<Suffix> addingNothing = suffixesByEnding.get("");
        if (addingNothing != null && length > 0) {
            found = found.or(withSuffix(lowerCaseWord, addingNothing));
        }
        return found;
    }

    private Entry withSuffix(String withoutEnding, List<Suffix> candidates) {
        Entry found = Entry.NONE;
        for (Suffix suffix : candidates) {
            String stem = withoutEnding + suffix.strip();
            String stemFlags = flagsByStem.get(stem);
            if (stemFlags != null && stemFlags.indexOf(suffix.flag()) >= 0 && stemFlags.indexOf(forbidden) < 0
                    && (suffix.condition() == null || suffix.condition().matcher(stem).matches())) {
                found = found.or(entry(suffix.continuation(), stemFlags));
            }
        }
        return found;
    }

    /** A form with its own flags ({@code formFlags}) made from a stem with {@code stemFlags}. */
    private Entry entry(String formFlags, String stemFlags) {
        boolean partOnly = has(formFlags, onlyInCompound) || has(formFlags, needAffix) || has(formFlags, forbidden);
        boolean start = has(formFlags, compoundBegin) || has(formFlags, compoundMiddle);
        return new Entry(!partOnly, start, !partOnly && has(stemFlags, compoundEnd), start && has(formFlags, onlyInCompound));
    }

    private static boolean has(String flags, char flag) {
        return flag != '\0' && flags.indexOf(flag) >= 0;
    }
}
