package org.lararena.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.lararena.ontology.Concept;

/**
 * The pages' texts in the reader's language: Swedish by default, English on request. {@code ?lang=en} (or
 * {@code sv}) on any page chooses the language and keeps it in the cookie {@value #COOKIE}; the bundles are
 * {@code org/lararena/web/messages_sv.properties} and {@code messages_en.properties}. A key missing from a bundle
 * shows as the key itself, so a gap is visible instead of failing the page.
 */
public final class Messages {

    public static final String COOKIE = "lararena.lang";
    public static final List<String> LANGUAGES = List.of("sv", "en");
    public static final Messages SWEDISH = new Messages("sv");
    public static final Messages ENGLISH = new Messages("en");
    private static final String CONTEXT_KEY = "lararena.messages";

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("org.lararena.web.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : SWEDISH;
    }

    /**
     * The language of this request: {@code ?lang=} when it names one (and then remembered in the cookie), else the
     * cookie, else Swedish.
     */
    public static Messages of(RoutingContext ctx) {
        Messages chosen = ctx.get(CONTEXT_KEY);
        if (chosen != null) {
            return chosen;
        }
        String asked = ctx.request().getParam("lang");
        if (asked != null && LANGUAGES.contains(asked)) {
            ctx.response().addCookie(Cookie.cookie(COOKIE, asked).setPath("/").setMaxAge(365L * 24 * 60 * 60)
                    .setSameSite(CookieSameSite.LAX).setHttpOnly(true));
        } else {
            Cookie cookie = ctx.request().getCookie(COOKIE);
            asked = cookie != null ? cookie.getValue() : "sv";
        }
        chosen = forLanguage(asked);
        ctx.put(CONTEXT_KEY, chosen);
        return chosen;
    }

    /** {@code sv} or {@code en}, for {@code <html lang>}. */
    public String language() {
        return language;
    }

    public boolean isEnglish() {
        return "en".equals(language);
    }

    /** The text for {@code key}, with {@code {0}}, {@code {1}} … replaced by the arguments (as given, not escaped). */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * The text for a count: {@code key.one} when {@code count} is one, else {@code key.many} (zero too), with the
     * arguments filled in as by {@link #get}. The scripts choose alike ({@code counted} in {@code app.js}).
     */
    public String counted(String key, long count, Object... args) {
        return get(key + (count == 1 ? ".one" : ".many"), args);
    }

    /** {@link #counted(String, long, Object...)} of a text whose only argument ({@code {0}}) is the count. */
    public String counted(String key, long count) {
        return counted(key, count, count);
    }

    /** Every text whose key starts with {@code js.} (without that prefix), for the pages' scripts. */
    public JsonObject scriptTexts() {
        JsonObject texts = new JsonObject();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith("js.")) {
                texts.put(key.substring(3), bundle.getString(key));
            }
        }
        return texts;
    }

    /** A concept's preferred label in this language (English where the ontology has one, else Swedish). */
    public String label(Concept concept) {
        return isEnglish() ? concept.labelEn() : concept.labelSv();
    }
}
