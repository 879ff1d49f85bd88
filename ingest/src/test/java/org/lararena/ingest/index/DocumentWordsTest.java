package org.lararena.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentWordsTest {

    @Test
    void theWordsUsedMostComeFirstAndTiesKeepTheOrderTheyFirstCameIn() {
        List<String> terms = List.of("las", "hemtjanst", "nyckel", "las", "kostnad", "nyckel", "las");

        assertThat(DocumentWords.mostUsed(terms)).containsExactly("las", "nyckel", "hemtjanst", "kostnad");
    }

    @Test
    void aDocumentIsDescribedByAtMostItsFortyWordsUsedMost() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            terms.addAll(Collections.nCopies(100 - i, "ord" + i));
        }

        assertThat(DocumentWords.mostUsed(terms)).hasSize(DocumentWords.WORDS).startsWith("ord0", "ord1").endsWith("ord39");
    }

    @Test
    void theTextIsReadWithTheNamesSpokenInItReplaced() {
        JsonArray spans = new JsonArray().add(new JsonObject().put("start", 0).put("end", 8).put("replacement", "[namn]"));
        List<JsonObject> passages = List.of(
                new JsonObject().put("text", "Ingegerd ringde regionen.").put("spokenNames", spans),
                new JsonObject().put("text", "Mötet hölls i maj."));

        String text = DocumentWords.textAsEveryoneReadsIt(passages);

        assertThat(text).contains("[namn] ringde regionen.", "Mötet hölls i maj.").doesNotContain("Ingegerd");
    }

    @Test
    void aLongDocumentIsReadFromItsStartUpToTheLimitWithoutCuttingAWord() {
        List<JsonObject> passages = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            passages.add(new JsonObject().put("text", "Stycke nummer " + i + " om samverkan."));
        }

        String text = DocumentWords.textAsEveryoneReadsIt(passages);

        assertThat(text.length()).isLessThanOrEqualTo(DocumentWords.MAX_CHARS);
        assertThat(text).startsWith("Stycke nummer 0 om samverkan.");
        assertThat(text.strip()).as("cut after a whole word").matches("(?s).*(Stycke|nummer|\\d+|om|samverkan\\.)");
    }
}
