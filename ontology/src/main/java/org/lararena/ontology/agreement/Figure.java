package org.lararena.ontology.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One agreement figure: a value, or none with the reason it cannot be computed (no variation, a single coder with
 * data, no passage two coders both coded), and the numbers that reason names (for {@link Reason#TOO_MANY_SPANS}).
 */
public record Figure(Double value, Reason cause, List<Long> numbers) {

    /**
     * Why a figure cannot be computed: a stable {@link #code} for whoever says it in their own words, and the English
     * {@link #message} the API gives, with {@code {0}}, {@code {1}} … for the figure's numbers.
     */
    public enum Reason {
        NO_PAIRABLE_VALUES("no passage has values from two coders (has more than one coder marked its documents done?)"),
        NO_VARIATION("no variation: every coder gave every passage the same value"),
        NO_PASSAGE_BOTH_DONE("no passage in a document both coders have marked done"),
        NO_VARIATION_IN_PAIR("no variation: each of the two coders gave every passage the same value"),
        NO_DOCUMENT_ALL_DONE("no document every coder has marked done"),
        NOT_APPLIED("no coder applied it in the documents every coder has marked done"),
        TOO_MANY_SPANS("{0} spans: unitizing alpha is computed for at most {1}; choose fewer documents or coders");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The reason as a code: {@code no_pairable_values}, {@code no_variation}, … */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The reason in English, with {@code {0}}, {@code {1}} … for the numbers it names. */
        public String message() {
            return message;
        }
    }

    public Figure {
        if ((value == null) == (cause == null)) {
            throw new IllegalArgumentException("a figure has either a value or a reason");
        }
        numbers = List.copyOf(Objects.requireNonNull(numbers));
    }

    public static Figure of(double value) {
        return new Figure(value, null, List.of());
    }

    public static Figure none(Reason cause, long... numbers) {
        return new Figure(null, cause, Arrays.stream(numbers).boxed().toList());
    }

    /** Why the figure cannot be computed, in English with its numbers filled in; null for a figure with a value. */
    public String reason() {
        if (cause == null) {
            return null;
        }
        String text = cause.message();
        for (int i = 0; i < numbers.size(); i++) {
            text = text.replace("{" + i + "}", String.valueOf(numbers.get(i)));
        }
        return text;
    }
}
