package org.lararena.modules;

import java.util.List;

/**
 * The Swedish labels of the ontology's required top themes, as modules name them. (The ontology module is the
 * source of truth; this list is what every version of it must contain.)
 */
public final class Themes {

    public static final List<String> TOP_THEME_LABELS = List.of(
            "Personcentrering", "Samverkan", "Tillgänglighet", "Kontinuitet", "Delaktighet", "Brukarmedverkan",
            "Styrning och ledning", "Kompetensförsörjning", "Arbetsmiljö", "Ekonomi och resurser", "Tjänstedesign",
            "Psykisk hälsa", "Samsjuklighet", "Policyutveckling", "Uppföljning", "Förebyggande arbete", "Lärande",
            "Kultur och normer", "Digitalisering");

    private Themes() {
    }
}
