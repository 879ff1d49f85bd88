package org.lararena.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base forms of the Swedish word forms a suffix-stripping stemmer cannot reach: strong and irregular verbs
 * ({@code undvek}, {@code undvikit} → {@code undvika}; {@code gick}, {@code gått} → {@code gå}), irregular plurals
 * ({@code män} → {@code man}, {@code städer} → {@code stad}) and a few irregular adjective forms ({@code fritt} →
 * {@code fri}, {@code större} → {@code stor}). Written for this project from general Swedish grammar (the common
 * strong verbs and irregular nouns), not taken from another list.
 *
 * <p>Verb forms also apply after a verb particle or prefix ({@code und-}, {@code för-}, {@code upp-}, …:
 * {@code förstod} → {@code förstå}, {@code antog} → {@code anta}); plural forms and {@code -fritt} also as the end of
 * a compound ({@code tjänstemännen} → {@code tjänsteman}, {@code storstäderna} → {@code storstad},
 * {@code nyckelfritt} → {@code nyckelfri}). Forms that are also common other words are left out ({@code led},
 * {@code steg}, {@code band}, {@code satt}, {@code låg}, {@code åt}, {@code händer}, {@code ska}), or apply only after
 * a prefix ({@code drog} is a drug, {@code bidrog} is from {@code bidra}). A form is mapped only where the word's other
 * inflections still meet it through the stemmer, and never where OCR'd text without å/ä/ö would turn another word
 * into it ({@code vald} may be {@code våld}).
 */
final class SwedishLemmas {

    /** infinitive: its irregular forms (past, supine, participles, irregular present). */
    private static final String[][] VERBS = {
        {"vara", "varit"},
        {"ha", "haft"},
        {"gå", "gick", "gått", "går"},
        {"stå", "stod", "stått", "står"},
        {"få", "fick", "fått"},
        {"ta", "tog", "tagit", "tagen", "taget", "tagna"},
        {"ge", "gav", "gett", "givit", "given", "givet", "givna", "ger"},
        {"se", "såg", "sett", "ser", "sedd", "sedda"},
        {"göra", "gör", "gjorde", "gjort", "gjord", "gjorda"},
        {"säga", "sade", "sagt", "sagd", "sagda"},
        {"komma", "kom", "kommit", "kommen", "kommet", "komna"},
        {"bli", "blev", "blivit", "blir"},
        {"veta", "vet", "visste", "vetat"},
        {"vilja", "vill", "ville", "velat"},
        {"kunna", "kan", "kunde", "kunnat"},
        {"böra", "bör", "borde"},
        {"sitta", "suttit"},
        {"sätta", "satte"},
        {"ligga", "legat"},
        {"lägga", "lade", "lagt", "lagd", "lagda"},
        {"dra", "dragit", "dragen", "dragna", "drar"},
        {"bära", "buret", "burit", "buren", "burna"},
        {"skära", "skar", "skurit", "skuren"},
        {"stjäla", "stal", "stulit", "stulen"},
        {"bryta", "bröt", "brutit", "bruten", "brutna"},
        {"bjuda", "bjöd", "bjudit"},
        {"flyga", "flög", "flugit"},
        {"frysa", "frös", "frusit"},
        {"njuta", "njöt", "njutit"},
        {"skjuta", "sköt", "skjutit", "skjuten"},
        {"sjunga", "sjöng", "sjungit"},
        {"sjunka", "sjönk", "sjunkit"},
        {"finna", "fann", "funnit", "funnen", "funna"},
        {"vinna", "vann", "vunnit", "vunnen"},
        {"försvinna", "försvann", "försvunnit", "försvunnen", "försvunna"},
        {"springa", "sprang", "sprungit"},
        {"dricka", "drack", "druckit"},
        {"spricka", "sprack", "spruckit"},
        {"brinna", "brann", "brunnit"},
        {"rinna", "rann", "runnit"},
        {"sticka", "stack", "stuckit"},
        {"binda", "bundit", "bunden", "bundna"},
        {"skriva", "skrev", "skrivit", "skriven", "skrivet", "skrivna"},
        {"driva", "drev", "drivit", "driven", "drivna"},
        {"gripa", "grep", "gripit"},
        {"bita", "bet", "bitit"},
        {"lida", "lidit"},
        {"glida", "gled", "glidit"},
        {"vika", "vek", "vikit"},
        {"svika", "svek", "svikit"},
        {"slita", "slet", "slitit"},
        {"tiga", "teg", "tigit"},
        {"kliva", "klev", "klivit"},
        {"stiga", "stigit"},
        {"falla", "föll", "fallit"},
        {"hålla", "höll", "hållit", "hållen", "hållna"},
        {"gråta", "grät", "gråtit"},
        {"låta", "lät", "låtit"},
        {"sova", "sov", "sovit"},
        {"slå", "slog", "slagit", "slagen", "slagna"},
        {"dö", "dog", "dött"},
        {"äta", "ätit", "äter"},
        {"fara", "farit"},
        {"svära", "svor", "svurit"},
        {"sälja", "sålde", "sålt", "såld", "sålda"},
        {"välja", "valde", "valt"},
        {"heta", "hette", "hetat"},
        {"sprida", "spred", "spritt"},
        {"lyda", "löd"},
    };

    /** Forms that are also other common words, read as the verb only after a prefix ({@code innebar}, {@code bortsåg}). */
    private static final String[][] PREFIXED_VERBS = {
        {"bära", "bar"},
        {"bära", "bär"},
        {"dra", "drog"},
    };

    /** Verb particles and prefixes a strong verb may carry: {@code und|vek}, {@code för|stod}, {@code upp|gav}. */
    private static final List<String> PREFIXES = List.of("an", "av", "be", "bi", "bort", "efter", "emot", "er", "fast", "fram",
        "för", "före", "förut", "genom", "in", "inne", "med", "miss", "mot", "ned", "ner", "om", "på", "sam", "till", "tillbaka",
        "und", "undan", "under", "upp", "upprätt", "ut", "åter", "över");

    /** singular: its irregular plural forms (also as the end of a compound). */
    private static final String[][] NOUNS = {
        {"man", "män", "männen", "männens"},
        {"fot", "fötter", "fötterna"},
        {"bok", "böcker", "böckerna"},
        {"rot", "rötter", "rötterna"},
        {"son", "söner", "sönerna"},
        {"bror", "bröder", "bröderna"},
        {"far", "fäder", "fäderna"},
        {"mor", "mödrar", "mödrarna"},
        {"dotter", "döttrar", "döttrarna"},
        {"land", "länder", "länderna"},
        {"tand", "tänder", "tänderna"},
        {"stad", "städer", "städerna"},
        {"natt", "nätter", "nätterna"},
        {"strand", "stränder", "stränderna"},
        {"brand", "bränder", "bränderna"},
        {"bonde", "bönder", "bönderna"},
        {"gås", "gäss", "gässen"},
        {"mus", "möss", "mössen"},
        {"vän", "vänner", "vännerna"},
        {"hand", "händerna"},
    };

    /** base form: irregular adjective forms (comparison, neuter); as the end of a compound only {@code -fritt}. */
    private static final String[][] ADJECTIVES = {
        {"fri", "fritt"},
        {"ny", "nytt"},
        {"blå", "blått"},
        {"grå", "grått"},
        {"röd", "rött"},
        {"god", "gott"},
        {"bred", "brett"},
        {"stor", "större", "störst", "största"},
        {"liten", "litet", "lilla", "mindre", "minst", "minsta"},
        {"ung", "yngre", "yngst", "yngsta"},
        {"hög", "högre", "högst", "högsta"},
        {"lång", "längre", "längst", "längsta"},
        {"låg", "lägre", "lägst", "lägsta"},
        {"bra", "bättre", "bäst", "bästa"},
        {"dålig", "sämre", "sämst", "sämsta"},
        {"få", "färre"},
    };

    /** A compound's head before an irregular noun or adjective form must be this long ({@code v|änder} is no duck). */
    private static final int MIN_HEAD = 3;
    /** Words that end like an irregular plural but are none ({@code allmän} is no man). */
    private static final Set<String> NOT_COMPOUNDS = Set.of("allmän", "gemän", "holländer", "antänder");

    private static final Map<String, String> WHOLE = new HashMap<>();
    private static final Map<String, String> AFTER_PREFIX = new HashMap<>();
    private static final Map<String, String> AFTER_HEAD = new HashMap<>();

    static {
        for (String[] verb : VERBS) {
            for (int i = 1; i < verb.length; i++) {
                WHOLE.put(verb[i], verb[0]);
                AFTER_PREFIX.put(verb[i], verb[0]);
            }
        }
        for (String[] verb : PREFIXED_VERBS) {
            AFTER_PREFIX.put(verb[1], verb[0]);
        }
        for (String[] noun : NOUNS) {
            for (int i = 1; i < noun.length; i++) {
                WHOLE.put(noun[i], noun[0]);
                AFTER_HEAD.put(noun[i], noun[0]);
            }
        }
        for (String[] adjective : ADJECTIVES) {
            for (int i = 1; i < adjective.length; i++) {
                WHOLE.put(adjective[i], adjective[0]);
            }
        }
        // -fri(a) compounds are many (avgiftsfri, nyckelfri, rökfri); the neuter -fritt is the one form the stemmers miss
        AFTER_HEAD.put("fritt", "fri");
    }

    private SwedishLemmas() {}

    /** The base form of a lower-cased word, or {@code null} when it is none of the irregular forms. */
    static String lemma(String word) {
        String whole = WHOLE.get(word);
        if (whole != null) {
            return whole;
        }
        for (String prefix : PREFIXES) {
            if (word.length() > prefix.length() + 1 && word.startsWith(prefix)) {
                String verb = AFTER_PREFIX.get(word.substring(prefix.length()));
                if (verb != null) {
                    return prefix + verb;
                }
            }
        }
        if (NOT_COMPOUNDS.contains(word)) {
            return null;
        }
        for (int head = MIN_HEAD; head <= word.length() - 3; head++) {
            String form = AFTER_HEAD.get(word.substring(head));
            if (form != null) {
                return word.substring(0, head) + form;
            }
        }
        return null;
    }
}
