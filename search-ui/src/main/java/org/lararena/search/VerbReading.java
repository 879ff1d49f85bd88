package org.lararena.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Swedish action noun as the verb it is made from, so a query that names an action finds the text that does
 * it: {@code läkning} finds <i>såren läker</i>, {@code sårläkning} <i>sår … läker</i>, {@code inloggning} <i>logga
 * in</i>. Swedish makes the noun of an action with {@code -ning} ({@code läk|ning}, {@code bedöm|ning}) or {@code -ing}
 * ({@code trän|ing}, {@code rehabiliter|ing}, {@code utveckl|ing}) on the verb's stem, and in that noun a particle
 * verb's particle comes first ({@code följa upp} → {@code uppföljning}). The stemmers bring {@code -else},
 * {@code -ande} and {@code -are} to the verb's stem already; {@code -ning} and {@code -ing} they leave. The verb is
 * written in its infinitive ({@code -a}, the form the word lists hold, so the decompounder still splits a compound
 * whose head is the action: {@code sårläka} → {@code sår}, {@code läka}); which of the two endings a noun has cannot
 * be told without a dictionary, so both are read ({@code läkna} beside {@code läka}: a form no text holds finds
 * nothing).
 *
 * <p>A particle verb also makes a noun of its bare stem, the particle first and no ending: {@code hoppa av} gives
 * {@code avhopp}, {@code köpa in} {@code inköp}, {@code starta upp} {@code uppstart}, {@code falla bort}
 * {@code bortfall}. Such a noun (in any of its forms: {@code avhoppen}, {@code inköpet}) is read as its verb with the
 * particle after it ({@code hoppa av}), when what follows the particle is a stem of three letters or more ending in a
 * consonant. A noun that only looks so ({@code avtal}, read as <i>tala av</i>) gives a verb and particle that seldom
 * stand together in a text, and finds little.
 */
final class VerbReading {

    /** The endings of an action noun in its inflections, longest first: definite, plural, definite plural, genitive. */
    private static final List<String> ACTION_NOUN_ENDINGS = List.of("ningarnas", "ningarna", "ningens", "ningars", "ningar", "ningen", "ning",
            "ingarnas", "ingarna", "ingens", "ingars", "ingar", "ingen", "ing");
    /** Particles that stand before the verb in an action noun and after it in a clause ({@code uppföljning}, <i>följa upp</i>). */
    private static final List<String> PARTICLES = List.of("tillbaka", "igenom", "sönder", "undan", "efter", "förbi", "fram", "bort", "ihop",
            "hem", "med", "ner", "ned", "upp", "över", "till", "av", "in", "om", "på", "ut");
    /** The shortest verb stem read ({@code läk}); a shorter remainder is not a verb's stem but the word itself ({@code ring}). */
    private static final int MIN_STEM = 3;
    /** The shortest verb (infinitive) left after a particle ({@code logga}): a shorter rest is seldom a verb of its own. */
    private static final int MIN_VERB_AFTER_PARTICLE = 4;
    /**
     * The endings of a noun made of a particle and a verb's stem, longest first: the definite forms and their genitive. A
     * bare genitive {@code -s} is not taken, as such stems end in {@code s} too ({@code insats}).
     */
    private static final List<String> PARTICLE_NOUN_ENDINGS = List.of("ens", "ets", "en", "et");

    private VerbReading() {
    }

    /**
     * The verbs an action noun may be made from, and for a particle verb the verb and its particle as separate words
     * ({@code "logga in"}); empty when {@code word} is not an action noun. Lower-cased; the caller decides how near the
     * particle must stand.
     */
    static List<String> verbsOf(String word) {
        return verbsOf(word, true);
    }

    /**
     * As {@link #verbsOf(String)}; with {@code particleNouns}, a noun made of a particle and a verb's bare stem
     * ({@code avhopp}) is read as its particle verb ({@code "hoppa av"}).
     */
    static List<String> verbsOf(String word, boolean particleNouns) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<String> verbs = new ArrayList<>();
        for (String ending : ACTION_NOUN_ENDINGS) {
            if (!lower.endsWith(ending)) {
                continue;
            }
            String stem = lower.substring(0, lower.length() - ending.length());
            // -ning on a stem that ends in a vowel is -ing on a stem in n (träning is trän|ing, not trä|ning).
            if (isVerbStem(stem)) {
                String verb = stem + "a";
                verbs.add(verb);
                particleVerb(verb).ifPresent(verbs::add);
            }
        }
        if (verbs.isEmpty() && particleNouns) {
            particleNounVerb(lower).ifPresent(verbs::add);
        }
        return verbs;
    }

    /** The particle verb a noun of a particle and a bare verb stem is made from ({@code avhoppen} → {@code hoppa av}). */
    private static Optional<String> particleNounVerb(String noun) {
        for (String particle : PARTICLES) {
            if (!noun.startsWith(particle)) {
                continue;
            }
            String rest = noun.substring(particle.length());
            for (String ending : PARTICLE_NOUN_ENDINGS) {
                if (rest.endsWith(ending) && rest.length() - ending.length() >= MIN_STEM) {
                    rest = rest.substring(0, rest.length() - ending.length());
                    break;
                }
            }
            return isVerbStem(rest) ? Optional.of(rest + "a " + particle) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether {@code stem} can be a verb's stem before {@code -a}: {@link #MIN_STEM} letters or more, ending in a consonant. */
    private static boolean isVerbStem(String stem) {
        if (stem.length() < MIN_STEM) {
            return false;
        }
        char last = stem.charAt(stem.length() - 1);
        return Character.isLetter(last) && !isVowel(last);
    }

    /** {@code verb} with a leading particle written as Swedish writes it in a clause, the particle after the verb. */
    private static Optional<String> particleVerb(String verb) {
        for (String particle : PARTICLES) {
            if (verb.startsWith(particle) && verb.length() - particle.length() >= MIN_VERB_AFTER_PARTICLE) {
                return Optional.of(verb.substring(particle.length()) + " " + particle);
            }
        }
        return Optional.empty();
    }

    private static boolean isVowel(char c) {
        return "aeiouyåäöé".indexOf(c) >= 0;
    }
}
