package org.lararena.ingest.repair;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lararena.ingest.repair.RepairEdit.Kind;

/**
 * Normalises characters without touching words: NFC, soft hyphens removed, ligatures spelled out, typographic
 * quotes made plain, tabs and special spaces made plain spaces, zero-width and control characters removed,
 * line endings made {@code \n}. Form feeds are kept: they separate pages. Counts every kind of change.
 */
final class CharacterNormaliser {

    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    String normalise(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (!composed.equals(text)) {
            count(Kind.UNICODE_COMPOSED);
        }
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            switch (c) {
                case '\r' -> {
                    if (i + 1 < composed.length() && composed.charAt(i + 1) == '\n') {
                        continue;
                    }
                    out.append('\n');
                }
                case '\n', '\f' -> out.append(c);
                case '\u2028' -> out.append('\n');
                case '\u2029' -> out.append("\n\n");
                case '\u00AD' -> count(Kind.SOFT_HYPHENS_REMOVED);
                case '\uFB00' -> ligature(out, "ff");
                case '\uFB01' -> ligature(out, "fi");
                case '\uFB02' -> ligature(out, "fl");
                case '\uFB03' -> ligature(out, "ffi");
                case '\uFB04' -> ligature(out, "ffl");
                case '\uFB05', '\uFB06' -> ligature(out, "st");
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> replace(out, '"', Kind.QUOTES_NORMALISED);
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> replace(out, '\'', Kind.QUOTES_NORMALISED);
                case '\t', '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
                     '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' -> replace(out, ' ', Kind.SPACES_NORMALISED);
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> count(Kind.SPACES_NORMALISED);
                // Symbol-font bullets that PDF and Word extraction leave in the private use area.
                case '\uF0B7', '\uF0A7', '\uF0D8', '\uF076' -> out.append('•');
                default -> {
                    if (Character.isISOControl(c)) {
                        count(Kind.CONTROL_CHARACTERS_REMOVED);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** One edit per kind of change, with its count. */
    List<RepairEdit> edits() {
        return counts.entrySet().stream()
                .map(entry -> new RepairEdit(entry.getKey(), null, entry.getKey().name().toLowerCase().replace('_', ' '), "",
                        entry.getValue()))
                .toList();
    }

    private void ligature(StringBuilder out, String letters) {
        out.append(letters);
        count(Kind.LIGATURES_EXPANDED);
    }

    private void replace(StringBuilder out, char replacement, Kind kind) {
        out.append(replacement);
        count(kind);
    }

    private void count(Kind kind) {
        counts.merge(kind, 1, Integer::sum);
    }
}
