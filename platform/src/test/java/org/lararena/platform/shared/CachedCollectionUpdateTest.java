package org.lararena.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** {@link CachedCollection#update}: a change made while another instance wrote is made again to what it wrote. */
class CachedCollectionUpdateTest {

    /** A value that is a list of marks: a lost change leaves its mark out. */
    private static final CachedCollection.Codec<JsonArray> MARKS = new CachedCollection.Codec<>() {
        @Override
        public JsonObject write(JsonArray marks) {
            return new JsonObject().put("marks", marks);
        }

        @Override
        public JsonArray read(JsonObject body) {
            return body.getJsonArray("marks");
        }
    };

    @TempDir
    Path folder;

    @Test
    void aChangeMadeWhileAnotherInstanceWroteIsMadeAgainToWhatItWroteAndNeitherIsLost() {
        // Two instances over the store they share, their notices late (not delivered at all here).
        FileCollection store = new FileCollection(folder, "the test document", false);
        CachedCollection<JsonArray> first = new CachedCollection<>("marks", store, MARKS, ChangeNotices.NONE);
        CachedCollection<JsonArray> second = new CachedCollection<>("marks", store, MARKS, ChangeNotices.NONE);
        first.create("d", new JsonArray());
        second.changedElsewhere("d");
        AtomicInteger calls = new AtomicInteger();

        JsonArray written = second.update("d", marks -> {
            if (calls.incrementAndGet() == 1) {
                first.update("d", theirs -> theirs.copy().add("first")); // between this change's read and its write
            }
            return marks.copy().add("second");
        }).orElseThrow();

        assertThat(calls).hasValue(2);
        assertThat(written).containsExactly("first", "second");
        assertThat(store.find("d").orElseThrow().body().getJsonArray("marks")).containsExactly("first", "second");
    }

    @Test
    void anUnknownIdChangesNothingAndAValueChangedUnderEveryAttemptGivesA503() {
        FileCollection store = new FileCollection(folder, "the test document", false);
        CachedCollection<JsonArray> first = new CachedCollection<>("marks", store, MARKS, ChangeNotices.NONE);
        CachedCollection<JsonArray> second = new CachedCollection<>("marks", store, MARKS, ChangeNotices.NONE);
        first.create("d", new JsonArray());
        second.changedElsewhere("d");

        assertThat(first.update("saknas", marks -> marks.copy().add("x"))).isEmpty();
        assertThatThrownBy(() -> second.update("d", marks -> {
            first.update("d", theirs -> theirs.copy().add("first"));
            return marks.copy().add("second");
        })).isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(store.find("d").orElseThrow().body().getJsonArray("marks")).hasSize(CachedCollection.UPDATE_ATTEMPTS)
                .doesNotContain("second");
    }
}
