package org.lararena.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;

class UpdatesTest {

    private final JsonCollection shared = new MemoryCollection();

    @Test
    void aChangeMadeWhileAnotherInstanceWroteIsMadeAgainToWhatItWroteAndNeitherIsLost() {
        shared.create("d", new JsonObject().put("marks", new JsonArray()));
        AtomicInteger calls = new AtomicInteger();

        var written = Updates.apply(shared, "d", body -> {
            if (calls.incrementAndGet() == 1) {
                // Another instance writes between this change's read and its write.
                Updates.apply(shared, "d", other -> other.put("marks", other.getJsonArray("marks").copy().add("other")));
            }
            return body.put("marks", body.getJsonArray("marks").copy().add("this"));
        });

        assertThat(calls).hasValue(2);
        assertThat(written.orElseThrow().body().getJsonArray("marks")).containsExactly("other", "this");
        assertThat(shared.find("d").orElseThrow().body().getJsonArray("marks")).containsExactly("other", "this");
    }

    @Test
    void nothingIsWrittenForAnUnchangedBodyOrAMissingDocument() {
        JsonCollection.Stored stored = shared.create("d", new JsonObject().put("a", 1));

        assertThat(Updates.apply(shared, "d", body -> body).orElseThrow().version()).isEqualTo(stored.version());
        assertThat(Updates.apply(shared, "saknas", body -> body.put("a", 2))).isEmpty();
        assertThat(shared.find("saknas")).isEmpty();
    }

    @Test
    void aDocumentChangedByOthersAtEveryAttemptGivesUpWithA503() {
        shared.create("d", new JsonObject().put("n", 0));

        assertThatThrownBy(() -> Updates.apply(shared, "d", body -> {
            shared.put("d", new JsonObject().put("n", body.getInteger("n") + 1));
            return body.put("mine", true);
        })).isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(shared.find("d").orElseThrow().body().getInteger("n")).isEqualTo(Updates.ATTEMPTS);
    }
}
