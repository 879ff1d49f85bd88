package org.lararena.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @Test
    void theEnglishBundleHasEveryKeyOfTheSwedishOneWithTheSamePlaceholders() throws Exception {
        Properties sv = load("messages_sv.properties");
        Properties en = load("messages_en.properties");

        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(sv.stringPropertyNames()));
        for (String key : sv.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(key))).as(key).isEqualTo(placeholders(sv.getProperty(key)));
        }
    }

    @Test
    void aTextForACountHasAFormForOneAndOneForAnyOtherCount() throws Exception {
        Properties sv = load("messages_sv.properties");
        for (String key : sv.stringPropertyNames()) {
            if (key.endsWith(".one")) {
                assertThat(sv).as(key).containsKey(key.substring(0, key.length() - ".one".length()) + ".many");
            }
        }
        assertThat(Messages.SWEDISH.counted("codebook.annotations", 1, 1)).isEqualTo("1 annotering ger passager detta tema.");
        assertThat(Messages.SWEDISH.counted("codebook.annotations", 0, 0)).isEqualTo("0 annoteringar ger passager detta tema.");
        assertThat(Messages.ENGLISH.counted("codebook.annotations", 2, 2)).isEqualTo("2 annotations give passages this theme.");
    }

    @Test
    void aCountChoosesTheFormForOneOnlyForOne() {
        // Sök's number of hits, as SearchPage says it.
        assertThat(Messages.SWEDISH.counted("search.hits", 1, 1)).isEqualTo("1 träff");
        assertThat(Messages.SWEDISH.counted("search.hits", 0, 0)).isEqualTo("0 träffar");
        assertThat(Messages.SWEDISH.counted("search.hits", 12, 12)).isEqualTo("12 träffar");
        assertThat(Messages.ENGLISH.counted("search.hits", 1, 1)).isEqualTo("1 hit");
        assertThat(Messages.ENGLISH.counted("search.hits", 12, 12)).isEqualTo("12 hits");
    }

    @Test
    void filtersDocumentsPassagesAndKeptActionsAreCountedInTheSingularForOne() {
        // Sök's folded filters, Dokument's range, Ladda upp's progress, Kodning's actions sent after a new login.
        assertThat(Messages.SWEDISH.counted("search.filterChosen", 1, 1)).isEqualTo("Filter (1 valt)");
        assertThat(Messages.SWEDISH.counted("search.filterChosen", 2, 2)).isEqualTo("Filter (2 valda)");
        assertThat(Messages.ENGLISH.counted("documents.range", 1, 1, 1, 1)).isEqualTo("1–1 of 1 document");
        assertThat(Messages.ENGLISH.counted("documents.range", 30, 1, 20, 30)).isEqualTo("1–20 of 30 documents");
        JsonObject swedish = Messages.SWEDISH.scriptTexts();
        JsonObject english = Messages.ENGLISH.scriptTexts();
        assertThat(swedish.getString("passagesDone.one")).isEqualTo("{0} av {1} stycke klart");
        assertThat(english.getString("passagesDone.many")).isEqualTo("{0} of {1} passages done");
        assertThat(swedish.getString("retried.one")).isEqualTo("Du är inloggad igen: {0} sparad åtgärd gjordes.");
        assertThat(english.getString("retried.many")).isEqualTo("You are logged in again: {0} kept actions done.");
    }

    @Test
    void textsComeInTheChosenLanguageWithArgumentsFilledIn() {
        assertThat(Messages.SWEDISH.get("search.hits.many", 12)).isEqualTo("12 träffar");
        assertThat(Messages.ENGLISH.get("search.hits.many", 12)).isEqualTo("12 hits");
        assertThat(Messages.forLanguage("fr")).as("an unknown language is Swedish").isSameAs(Messages.SWEDISH);
        assertThat(Messages.ENGLISH.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Messages.ENGLISH.scriptTexts().getString("accept")).isEqualTo("Accept");
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
