package org.lararena.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void aPerfectRankingScoresOneOnEveryMetric() {
        RankingMetrics.Scores scores = RankingMetrics.score(List.of("a", "b", "x"), Map.of("a", 2, "b", 1));

        assertThat(scores).isEqualTo(new RankingMetrics.Scores(1, 1, 1));
    }

    @Test
    void theFirstRelevantHitAtRankThreeGivesAThirdAndAMissBeyondTenGivesNothing() {
        RankingMetrics.Scores third = RankingMetrics.score(List.of("x", "y", "a"), Map.of("a", 2));
        RankingMetrics.Scores missed = RankingMetrics.score(List.of("x", "y", "z", "q", "w", "e", "r", "t", "u", "i", "a"), Map.of("a", 2));

        assertThat(third.reciprocalRank()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(third.ndcg()).isCloseTo(1 / (Math.log(4) / Math.log(2)), within(1e-9));
        assertThat(missed).isEqualTo(new RankingMetrics.Scores(0, 0, 0));
    }

    @Test
    void swappingAGradeTwoBelowAGradeOneLowersNdcgButNotSuccessOrReciprocalRank() {
        RankingMetrics.Scores swapped = RankingMetrics.score(List.of("b", "a"), Map.of("a", 2, "b", 1));

        assertThat(swapped.success()).isEqualTo(1);
        assertThat(swapped.reciprocalRank()).isEqualTo(1);
        assertThat(swapped.ndcg()).isLessThan(1);
    }
}
