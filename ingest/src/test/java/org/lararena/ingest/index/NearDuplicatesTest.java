package org.lararena.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static final String CLEAN = "Patienterna sparade i genomsnitt 90 minuters resa per besök. Väntetiden till psykologsamtal "
            + "kortades från sex till tre veckor, eftersom psykologen i residensstaden kunde ta emot patienter från hela länet.";
    private static final String SCANNED = "Patienterna sparade i genomsnitt 90 minuters resa per besok. Vantetiden till psykologsamtal \n"
            + "kortades fran sex till tre veckor, eftérsom psykologen i residensstaden kunde ta emot patienter fran hela lanet.";
    private static final String OTHER = "Uppkopplingen räckte inte överallt, och några samtal fick avbrytas. Läkarna saknade möjligheten "
            + "att undersöka patienten, särskilt vid buksmärta och hudutslag.";

    @Test
    void aScannedCopyWithoutDiacriticsIsANearDuplicateOfTheCleanText() {
        long[] clean = NearDuplicates.signature(CLEAN).orElseThrow();
        long[] scanned = NearDuplicates.signature(SCANNED).orElseThrow();

        assertThat(NearDuplicates.likeness(clean, scanned)).isGreaterThanOrEqualTo(NearDuplicates.ALIKE);
        Set<String> shared = new HashSet<>(NearDuplicates.bands(clean));
        shared.retainAll(NearDuplicates.bands(scanned));
        assertThat(shared).as("a band in common, so the lookup finds the copy").isNotEmpty();
    }

    @Test
    void differentPassagesAreNotAlikeAndAShortOneIsNeverGrouped() {
        long[] clean = NearDuplicates.signature(CLEAN).orElseThrow();
        long[] other = NearDuplicates.signature(OTHER).orElseThrow();

        assertThat(NearDuplicates.likeness(clean, other)).isLessThan(NearDuplicates.ALIKE);
        assertThat(NearDuplicates.signature("Inledning")).isEmpty();
    }

    @Test
    void aPassageDescribedForTheIndexIsItsOwnGroupUntilACopyIsFoundAndItsSignatureSurvivesStorage() {
        JsonObject passage = new JsonObject().put("passageId", "d-1").put("text", CLEAN);
        long[] signature = NearDuplicates.describe(passage).orElseThrow();

        assertThat(passage.getString(NearDuplicates.GROUP)).isEqualTo("d-1");
        assertThat(passage.getJsonArray(NearDuplicates.BANDS)).hasSize(NearDuplicates.HASHES / NearDuplicates.ROWS_PER_BAND);
        assertThat(NearDuplicates.decode(passage.getString(NearDuplicates.SIGNATURE))).hasValueSatisfying(s -> assertThat(s).isEqualTo(signature));
    }

    @Test
    void onlyACopyOrAGroupsFirstPassageWithCopiesMayHaveCopies() {
        JsonObject passage = new JsonObject().put("passageId", "d-1").put("text", CLEAN).put(NearDuplicates.HAS_COPIES, true);
        NearDuplicates.describe(passage);

        assertThat(passage.containsKey(NearDuplicates.HAS_COPIES)).as("described afresh, as its copies are found afresh").isFalse();
        assertThat(NearDuplicates.mayHaveCopies(passage.getMap())).as("its own group, no copy known").isFalse();
        assertThat(NearDuplicates.mayHaveCopies(passage.copy().put(NearDuplicates.HAS_COPIES, true).getMap())).isTrue();
        assertThat(NearDuplicates.mayHaveCopies(passage.copy().put(NearDuplicates.GROUP, "c-7").getMap())).as("a copy").isTrue();
        assertThat(NearDuplicates.mayHaveCopies(new JsonObject().put("passageId", "d-2").getMap())).as("never grouped").isFalse();
    }
}
