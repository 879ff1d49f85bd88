package org.lararena.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;

/** The benchmark's mixed query set, as {@code /api/search} parameters: words, phrases, exclusion, OR, facets, theme names. */
final class BenchmarkQueries {

    private BenchmarkQueries() {
    }

    static List<List<Map.Entry<String, String>>> mixed(Ontology ontology) {
        List<List<Map.Entry<String, String>>> queries = new ArrayList<>();
        for (String words : List.of("samverkan", "vårdcentral", "patienter", "äldre", "psykisk hälsa", "utskrivningsklara patienter",
                "hur har andra löst samverkan kring utskrivningsklara patienter", "vard", "samsjuklighet", "målbild",
                "hemsjukvård", "kommun och region", "brukarmedverkan", "lärande seminarium")) {
            queries.add(List.of(Map.entry("q", words)));
        }
        for (String phrase : List.of("\"fast läkarkontakt\"", "\"nära vård\"", "\"egen erfarenhet\"", "\"psykisk ohälsa\"")) {
            queries.add(List.of(Map.entry("q", phrase)));
        }
        queries.add(List.of(Map.entry("q", "samverkan -kommun")));
        queries.add(List.of(Map.entry("q", "vård -region -äldre")));
        queries.add(List.of(Map.entry("q", "hemtjänst OR hemsjukvård")));
        List<Concept> topThemes = ontology.topThemes();
        for (int i = 0; i < Math.min(6, topThemes.size()); i++) {
            // A theme's name as the query, and the theme as a facet filter.
            queries.add(List.of(Map.entry("q", topThemes.get(i).labelSv())));
            queries.add(List.of(Map.entry("theme", topThemes.get(i).iri())));
        }
        queries.add(List.of(Map.entry("q", "samverkan"), Map.entry("pilot", "Värmland")));
        queries.add(List.of(Map.entry("q", "vård"), Map.entry("type", "rapport"), Map.entry("year", "2022")));
        queries.add(List.of(Map.entry("pilot", "Örebro"), Map.entry("year", "2023"), Map.entry("sort", "newest")));
        queries.add(List.of(Map.entry("q", "patienter"), Map.entry("theme", topThemes.get(0).iri()), Map.entry("pilot", "Värmland"),
                Map.entry("pilot", "Örebro")));
        queries.add(List.of(Map.entry("q", "äldre"), Map.entry("type", "presentation"), Map.entry("type", "workshop"), Map.entry("sort", "oldest")));
        queries.add(List.of(Map.entry("q", "kontinuitet"), Map.entry("year", "2020"), Map.entry("year", "2021"), Map.entry("size", "20")));
        return queries;
    }

    /**
     * Questions as pilots write them, ending with "?": what the ranking reads on its subject (and with one of two words
     * enough), and whose compounds the looser readings split. The mixed set has one question only.
     */
    static List<List<Map.Entry<String, String>>> questions() {
        return List.of("Hur har andra piloter löst samverkan kring utskrivningsklara patienter?", "Vad tycker patienterna om videobesök?",
                "Vilka hinder finns för samverkan mellan kommun och region?", "Hur fungerar fast läkarkontakt för äldre?",
                "Vad innebär nära vård?", "Varför blir väntetiderna längre?", "Hur når vårdcentralen unga med psykisk ohälsa?",
                "Vem ansvarar för läkemedelsgenomgångar i hemsjukvården?", "Finns det erfarenheter av digitala vårdmöten i glesbygd?",
                "Vad säger personalen om arbetsmiljön?").stream().map(q -> List.of(Map.entry("q", q))).toList();
    }
}
