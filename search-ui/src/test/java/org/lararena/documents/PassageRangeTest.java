package org.lararena.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;

class PassageRangeTest {

    @Test
    void aPartIsTheOneThatHoldsThePassageAndTheLastForANumberPastTheEnd() {
        assertThat(PassageRange.partHolding(0, 500, 1_200)).isEqualTo(new PassageRange(0, 500));
        assertThat(PassageRange.partHolding(499, 500, 1_200)).isEqualTo(new PassageRange(0, 500));
        assertThat(PassageRange.partHolding(500, 500, 1_200)).isEqualTo(new PassageRange(500, 500));
        assertThat(PassageRange.partHolding(9_999, 500, 1_200)).isEqualTo(new PassageRange(1_000, 500));
        assertThat(PassageRange.partHolding(7, 500, 0)).as("a document not yet segmented").isEqualTo(new PassageRange(0, 500));
    }

    @Test
    void theIdsOfARangeStopAtTheDocumentsLastPassage() {
        assertThat(new PassageRange(3, 4).passageIds("rapport", 5)).containsExactly("rapport-3", "rapport-4");
        assertThat(PassageRange.ALL.passageIds("rapport", 3)).containsExactly("rapport-0", "rapport-1", "rapport-2");
    }

    @Test
    void aRequestAsksForEverythingOrARangeNoLargerThanAPartAndIsToldWhatIsWrong() {
        assertThat(PassageRange.ofRequest(MultiMap.caseInsensitiveMultiMap(), 500).isAll()).isTrue();
        assertThat(PassageRange.ofRequest(params("from", "1000"), 500)).isEqualTo(new PassageRange(1_000, 500));
        assertThat(PassageRange.ofRequest(params("count", "20"), 500)).isEqualTo(new PassageRange(0, 20));

        assertThatThrownBy(() -> PassageRange.ofRequest(params("count", "501"), 500)).isInstanceOf(LararenaException.class)
                .hasMessageContaining("count").hasMessageContaining("500");
        assertThatThrownBy(() -> PassageRange.ofRequest(params("from", "-1"), 500)).hasMessageContaining("from");
        assertThatThrownBy(() -> PassageRange.ofRequest(params("from", "tio"), 500)).hasMessageContaining("from").hasMessageContaining("tio");
    }

    private static MultiMap params(String name, String value) {
        return MultiMap.caseInsensitiveMultiMap().add(name, value);
    }
}
