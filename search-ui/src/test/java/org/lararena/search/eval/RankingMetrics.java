package org.lararena.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * success@k, reciprocal rank and nDCG@k of one ranked list against graded judgements (grade 2: what the query is
 * about; grade 1: also relevant), and their means over a query set.
 */
public final class RankingMetrics {

    public static final int K = 10;

    /** The scores of one query. */
    public record Scores(double success, double reciprocalRank, double ndcg) {
    }

    private RankingMetrics() {
    }

    /** @param ranked ids best first; @param grades the relevant ids with their grade (absent: not relevant) */
    public static Scores score(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        double reciprocalRank = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            int grade = grades.getOrDefault(ranked.get(i), 0);
            if (grade > 0) {
                dcg += gain(grade, i);
                if (reciprocalRank == 0) {
                    reciprocalRank = 1.0 / (i + 1);
                }
            }
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += gain(ideal.get(i), i);
        }
        return new Scores(reciprocalRank > 0 ? 1 : 0, reciprocalRank, idcg == 0 ? 0 : dcg / idcg);
    }

    /** The mean of each score over the queries. */
    public static Scores mean(List<Scores> all) {
        return new Scores(all.stream().mapToDouble(Scores::success).average().orElse(0),
                all.stream().mapToDouble(Scores::reciprocalRank).average().orElse(0),
                all.stream().mapToDouble(Scores::ndcg).average().orElse(0));
    }

    private static double gain(int grade, int position) {
        return (Math.pow(2, grade) - 1) / (Math.log(position + 2) / Math.log(2));
    }
}
