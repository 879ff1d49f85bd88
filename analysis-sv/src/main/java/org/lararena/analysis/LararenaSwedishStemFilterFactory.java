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
 * {@code undvek} meets {@code undvika}, {@code städer} meets {@code stad}). Keyword-marked tokens are not stemmed.
 */
@NamedComponent("lararena_swedish_stem")
public final class LararenaSwedishStemFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "variant", defaultValue = "light")
        String variant();

        @BooleanSetting(path = "lemmas", defaultValue = true)
        boolean lemmas();
    }

    enum Variant { LIGHT, MINIMAL, SNOWBALL }

    private final Variant variant;
    private final boolean lemmas;

    @Inject
    public LararenaSwedishStemFilterFactory(Settings settings) {
        this.variant = parse(settings.variant());
        this.lemmas = settings.lemmas();
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
        return stem(lemmas ? new SwedishLemmaFilter(in) : in, variant);
    }

    static TokenStream stem(TokenStream in, Variant variant) {
        return switch (variant) {
            case LIGHT -> new SwedishLightStemFilter(new SwedishDefiniteFormFilter(in));
            case MINIMAL -> new SwedishMinimalStemFilter(in);
            case SNOWBALL -> new SnowballFilter(in, new SwedishStemmer());
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stem(tokenStream, variant, lemmas);
    }
}
