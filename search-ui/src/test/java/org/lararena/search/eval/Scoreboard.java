package org.lararena.search.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lararena.search.eval.RankingMetrics.Scores;

/**
 * The scores of several rankers (the project, its ablations, the baselines) over one query set, per query class
 * (keywords, phrases, questions, OCR text) and over all, printed as one table.
 */
public final class Scoreboard {

    /** The class of every query together. */
    public static final String ALL = "all";

    private final String set;
    private final Map<String, Map<String, List<Scores>>> byRanker = new LinkedHashMap<>();

    public Scoreboard(String set) {
        this.set = set;
    }

    public void add(String ranker, String queryClass, Scores scores) {
        Map<String, List<Scores>> classes = byRanker.computeIfAbsent(ranker, r -> new LinkedHashMap<>());
        classes.computeIfAbsent(ALL, c -> new ArrayList<>()).add(scores);
        classes.computeIfAbsent(queryClass, c -> new ArrayList<>()).add(scores);
    }

    /** The mean scores of a ranker over the queries of a class ({@link #ALL}: every query). */
    public Scores mean(String ranker, String queryClass) {
        return RankingMetrics.mean(byRanker.get(ranker).getOrDefault(queryClass, List.of()));
    }

    public int queries(String ranker, String queryClass) {
        return byRanker.get(ranker).getOrDefault(queryClass, List.of()).size();
    }

    /** The query classes seen, {@link #ALL} first. */
    public List<String> classes() {
        return byRanker.values().stream().findFirst().map(c -> List.copyOf(c.keySet())).orElse(List.of());
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s: success@10 / MRR / nDCG@10%n%-22s", set, "ranker"));
        for (String queryClass : classes()) {
            out.append(String.format(Locale.ROOT, " | %-18s", queryClass + " (" + byRanker.values().iterator().next().get(queryClass).size() + ")"));
        }
        out.append('\n');
        byRanker.forEach((ranker, classes) -> {
            out.append(String.format(Locale.ROOT, "%-22s", ranker));
            for (String queryClass : classes()) {
                Scores s = mean(ranker, queryClass);
                out.append(String.format(Locale.ROOT, " | %.2f / %.2f / %.2f ", s.success(), s.reciprocalRank(), s.ndcg()));
            }
            out.append('\n');
        });
        return out.toString();
    }
}
