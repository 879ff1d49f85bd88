package org.lararena.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.sv.SwedishMinimalStemFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.SwedishStemmer;

import java.util.Locale;

/**
 * {@code lararena_swedish_stem}: Swedish stemming. Setting {@code variant}: {@code light} (default; Lucene's
 * SwedishLightStemFilter, Jacques Savoy's light stemmer, after the definite form of the nouns in {@code -a} is brought
 * to their base form: {@link SwedishDefiniteFormFilter}), {@code minimal} (plural endings only) or {@code snowball}
 * (the Snowball Swedish stemmer, more aggressive). Setting {@code lemmas} (true): first replace the irregular forms
 * no suffix rule reaches by their base form ({@link SwedishLemmas}: strong verbs, irregular plurals and comparisons:
 * {@code undvek} meets {@code undvika}, {@code städer} meets {@code stad}). Setting {@code definite_forms} (true):
 * with the light stemmer, the definite form of a noun in {@code -a} meets its other forms. Setting
 * {@code base_form_endings} (true): with the light stemmer, a base form keeps a last {@code -n} or {@code -t} of its
 * stem, as its other forms do ({@link SwedishBaseFormLightStemFilter}: {@code kommun} meets {@code kommunen}).
 * Setting {@code doubled_consonants} (true): with the light stemmer, a stem's final {@code -mm} or {@code -nn} is
 * undone, so {@code badrum} meets {@code badrummet}. Keyword-marked tokens are not stemmed.
 */
@NamedComponent("lararena_swedish_stem")
public final class LararenaSwedishStemFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "variant", defaultValue = "light")
        String variant();

        @BooleanSetting(path = "lemmas", defaultValue = true)
        boolean lemmas();

        @BooleanSetting(path = "definite_forms", defaultValue = true)
        boolean definiteForms();

        @BooleanSetting(path = "base_form_endings", defaultValue = true)
        boolean baseFormEndings();

        @BooleanSetting(path = "doubled_consonants", defaultValue = true)
        boolean doubledConsonants();
    }

    enum Variant { LIGHT, MINIMAL, SNOWBALL }

    private final Variant variant;
    private final boolean lemmas;
    private final boolean definiteForms;
    private final boolean baseFormEndings;
    private final boolean doubledConsonants;

    @Inject
    public LararenaSwedishStemFilterFactory(Settings settings) {
        this.variant = parse(settings.variant());
        this.lemmas = settings.lemmas();
        this.definiteForms = settings.definiteForms();
        this.baseFormEndings = settings.baseFormEndings();
        this.doubledConsonants = settings.doubledConsonants();
    }

    static Variant parse(String value) {
        String v = value == null || value.isBlank() ? "light" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "light", "light_swedish" -> Variant.LIGHT;
            case "minimal", "minimal_swedish" -> Variant.MINIMAL;
            case "snowball", "swedish" -> Variant.SNOWBALL;
            default -> throw new IllegalArgumentException(
                "lararena_swedish_stem: unknown variant [" + value + "], expected light, minimal or snowball"
            );
        };
    }

    /** Stems {@code in}, after replacing irregular forms by their base form when {@code lemmas} ({@link SwedishLemmas}). */
    static TokenStream stem(TokenStream in, Variant variant, boolean lemmas) {
        return stem(in, variant, lemmas, true, true, true);
    }

    /**
     * As {@link #stem(TokenStream, Variant, boolean)}; with the light stemmer, {@code definiteForms} first
     * ({@link SwedishDefiniteFormFilter}), and with {@code baseFormEndings} or {@code doubledConsonants} the stemmer that
     * leaves a base form's own last letter or undoes a stem's doubled m or n ({@link SwedishBaseFormLightStemFilter}).
     */
    static TokenStream stem(TokenStream in, Variant variant, boolean lemmas, boolean definiteForms, boolean baseFormEndings,
                            boolean doubledConsonants) {
        TokenStream base = lemmas ? new SwedishLemmaFilter(in) : in;
        return switch (variant) {
            case LIGHT -> {
                TokenStream definite = definiteForms ? new SwedishDefiniteFormFilter(base) : base;
                yield baseFormEndings || doubledConsonants
                    ? new SwedishBaseFormLightStemFilter(definite, baseFormEndings, doubledConsonants)
                    : new SwedishLightStemFilter(definite);
            }
            case MINIMAL -> new SwedishMinimalStemFilter(base);
            case SNOWBALL -> new SnowballFilter(base, new SwedishStemmer());
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stem(tokenStream, variant, lemmas, definiteForms, baseFormEndings, doubledConsonants);
    }
}
