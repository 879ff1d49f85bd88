package org.lararena.ontology.bench;

/** Passages of ordinary meeting and interview text, written for the benchmarks (not test data). */
final class BenchmarkPassages {

    static final String[] TEXTS = {
        "Vi har arbetat mycket med samverkan mellan kommunen och regionen, och det har inte alltid varit lätt att hitta gemensamma rutiner.",
        "Patienterna vill ha kontinuitet och träffa samma läkare på vårdcentralen, men bemanningen gör det svårt.",
        "Ledarskapet på enheten har betytt mycket för att medarbetarna orkar med förändringen.",
        "Digitala vårdmöten har gjort det lättare för äldre i glesbygd att få kontakt med sjuksköterskan.",
        "Hemsjukvården behöver bättre stöd när patienter skrivs ut från sjukhuset, annars blir det återinläggningar.",
        "Vi pratade om kompetensförsörjning och hur vi ska kunna rekrytera undersköterskor framöver.",
        "Det var ett bra möte, vi bestämde att träffas igen efter sommaren och följa upp handlingsplanen.",
        "Psykisk hälsa bland unga är en fråga där skolan, socialtjänsten och primärvården måste arbeta tillsammans.",
    };

    private BenchmarkPassages() {
    }
}
