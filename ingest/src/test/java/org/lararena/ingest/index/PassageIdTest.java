package org.lararena.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassageIdTest {

    @Test
    void aPassageIdGivesBackItsDocumentAndAnythingElseNothing() {
        String documentId = "7d3404d3-3199-4b1b-9465-4d94d1b8b069";

        assertThat(PassageIndexer.documentIdOf(PassageIndexer.passageId(documentId, 12))).contains(documentId);
        assertThat(PassageIndexer.documentIdOf("rapport")).isEmpty();
        assertThat(PassageIndexer.documentIdOf("rapport-")).isEmpty();
        assertThat(PassageIndexer.documentIdOf("-3")).isEmpty();
        assertThat(PassageIndexer.documentIdOf("rapport-x1")).isEmpty();
        assertThat(PassageIndexer.ordinalOf("7d3404d3-3199-4b1b-9465-4d94d1b8b069-12")).hasValue(12);
        assertThat(PassageIndexer.ordinalOf("rapport")).isEmpty();
    }
}
