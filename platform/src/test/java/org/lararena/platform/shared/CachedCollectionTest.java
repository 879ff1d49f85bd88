package org.lararena.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances holding one collection in memory. The store is a {@link FileCollection} both reach, and the notices go
 * straight to the other instance (on the event bus in production: {@link ChangeNotices#overEventBus}).
 */
class CachedCollectionTest {

    private static final CachedCollection.Codec<String> TITLE = new CachedCollection.Codec<>() {
        @Override
        public JsonObject write(String title) {
            return new JsonObject().put("title", title);
        }

        @Override
        public String read(JsonObject body) {
            return body.getString("title");
        }
    };

    @TempDir
    Path folder;

    /** Notices between two instances, delivered when the test says (as a late event bus would). */
    private static final class Relay {
        final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
        final List<Runnable> undelivered = new ArrayList<>();

        ChangeNotices of(String instance, String other) {
            return new ChangeNotices() {
                @Override
                public void changed(String collection, String id) {
                    undelivered.add(() -> listeners.get(other).accept(id));
                }

                @Override
                public void listen(String collection, Consumer<String> changedElsewhere) {
                    listeners.put(instance, changedElsewhere);
                }
            };
        }

        void deliver() {
            List<Runnable> now = List.copyOf(undelivered);
            undelivered.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aChangeOnOneInstanceIsHeldByTheOtherOnceToldAndAChangeFromAnOldValueIsRefusedAndReadAgain() {
        FileCollection store = new FileCollection(folder, "the insight", false);
        Relay relay = new Relay();
        CachedCollection<String> first = new CachedCollection<>("insights", store, TITLE, relay.of("1", "2"));
        CachedCollection<String> second = new CachedCollection<>("insights", store, TITLE, relay.of("2", "1"));
        List<String> heardBySecond = new ArrayList<>();
        second.onChange((before, after) -> heardBySecond.add(before.orElse("-") + " → " + after.orElse("-")));

        first.create("i1", "Hemsjukvård");
        assertThat(second.find("i1")).as("not told yet").isEmpty();
        relay.deliver();
        assertThat(second.find("i1")).contains("Hemsjukvård");

        first.replace("i1", "Hemsjukvård i samverkan");
        // The second instance decides on what it holds, which is older than the store's: refused, and read again.
        assertThatThrownBy(() -> second.replace("i1", "Mobila team")).isInstanceOf(JsonCollection.ChangedMeanwhile.class);
        assertThat(second.find("i1")).contains("Hemsjukvård i samverkan");

        // The notice of the change arrives after the second instance read it again: nothing changes, nothing is heard twice.
        relay.deliver();
        assertThat(second.find("i1")).contains("Hemsjukvård i samverkan");
        assertThat(heardBySecond).containsExactly("- → Hemsjukvård", "Hemsjukvård → Hemsjukvård i samverkan");

        first.delete("i1");
        relay.deliver();
        assertThat(second.find("i1")).isEmpty();
        assertThat(second.values()).isEmpty();
        assertThat(heardBySecond).last().isEqualTo("Hemsjukvård i samverkan → -");
        assertThat(Optional.ofNullable(store.find("i1").orElse(null))).isEmpty();
    }
}
