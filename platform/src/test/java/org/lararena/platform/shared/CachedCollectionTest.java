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
import org.lararena.platform.LararenaException;

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

        /** An instance holding {@code store}, telling {@code other} of its changes through this relay. */
        CachedCollection<String> instance(FileCollection store, String self, String other) {
            return new CachedCollection<>("insights", store, TITLE, of(self, other));
        }

        void deliver() {
            List<Runnable> now = List.copyOf(undelivered);
            undelivered.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aChangeOnOneInstanceIsHeldByTheOtherOnceToldAndAChangeOnTheOtherBeforeThatIsMadeToTheNewerValue() {
        FileCollection store = new FileCollection(folder, "the insight", false);
        Relay relay = new Relay();
        CachedCollection<String> first = relay.instance(store, "1", "2");
        CachedCollection<String> second = relay.instance(store, "2", "1");
        List<String> heardBySecond = new ArrayList<>();
        second.onChange((before, after) -> heardBySecond.add(before.orElse("-") + " → " + after.orElse("-")));

        first.create("i1", "Hemsjukvård");
        assertThat(second.find("i1")).as("not told yet").isEmpty();
        relay.deliver();
        assertThat(second.find("i1")).contains("Hemsjukvård");

        first.update("i1", title -> title + " i samverkan");
        // The second instance holds a value older than the store's: its change is refused, the newer value read in,
        // and the change made again to it.
        assertThat(second.update("i1", title -> title + " och mobila team")).contains("Hemsjukvård i samverkan och mobila team");

        // The notice of the first change arrives after the second instance read it again: nothing is heard twice.
        relay.deliver();
        assertThat(first.find("i1")).as("told of the second's change").contains("Hemsjukvård i samverkan och mobila team");
        assertThat(second.find("i1")).contains("Hemsjukvård i samverkan och mobila team");
        assertThat(heardBySecond).containsExactly("- → Hemsjukvård", "Hemsjukvård → Hemsjukvård i samverkan",
                "Hemsjukvård i samverkan → Hemsjukvård i samverkan och mobila team");

        first.delete("i1");
        relay.deliver();
        assertThat(second.find("i1")).isEmpty();
        assertThat(second.values()).isEmpty();
        assertThat(heardBySecond).last().isEqualTo("Hemsjukvård i samverkan och mobila team → -");
        assertThat(Optional.ofNullable(store.find("i1").orElse(null))).isEmpty();
    }

    /** Two instances over one store whose notices are late (never delivered here), the value "d" made by the first. */
    private List<CachedCollection<String>> twoWithLateNotices(FileCollection store) {
        CachedCollection<String> first = new CachedCollection<>("insights", store, TITLE, ChangeNotices.NONE);
        CachedCollection<String> second = new CachedCollection<>("insights", store, TITLE, ChangeNotices.NONE);
        first.create("d", "");
        second.changedElsewhere("d");
        return List.of(first, second);
    }

    @Test
    void anUpdateMadeWhileAnotherInstanceWroteIsMadeAgainToWhatItWroteAndNeitherIsLost() {
        FileCollection store = new FileCollection(folder, "the insight", false);
        List<CachedCollection<String>> instances = twoWithLateNotices(store);
        List<String> seen = new ArrayList<>();

        String written = instances.get(1).update("d", title -> {
            seen.add(title);
            if (seen.size() == 1) {
                instances.get(0).update("d", theirs -> theirs + "a"); // between this change's read and its write
            }
            return title + "b";
        }).orElseThrow();

        assertThat(seen).as("made again to the other's value").containsExactly("", "a");
        assertThat(written).isEqualTo("ab");
        assertThat(store.find("d").orElseThrow().body().getString("title")).isEqualTo("ab");
    }

    @Test
    void anUpdateOfAnUnknownIdChangesNothingAndOneChangedUnderEveryAttemptGivesA503() {
        FileCollection store = new FileCollection(folder, "the insight", false);
        List<CachedCollection<String>> instances = twoWithLateNotices(store);

        assertThat(instances.get(0).update("saknas", title -> title + "a")).isEmpty();
        assertThat(store.find("saknas")).isEmpty();
        assertThatThrownBy(() -> instances.get(1).update("d", title -> {
            instances.get(0).update("d", theirs -> theirs + "a");
            return title + "b";
        })).isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(store.find("d").orElseThrow().body().getString("title")).isEqualTo("a".repeat(CachedCollection.UPDATE_ATTEMPTS));
    }

    @Test
    void anUpdateWhoseReadIsOvertakenByANoticeOfAnotherInstancesWriteIsMadeAgainToItNotWrittenOverIt() {
        FileCollection store = new FileCollection(folder, "the insight", false);
        Relay relay = new Relay();
        CachedCollection<String> first = relay.instance(store, "1", "2");
        CachedCollection<String> second = relay.instance(store, "2", "1");
        first.create("d", "");
        relay.deliver();
        second.update("d", title -> title + "b");

        // The first instance reads its value, then hears of the second's write before its own goes out.
        String written = first.update("d", title -> {
            relay.deliver();
            return title + "a";
        }).orElseThrow();

        assertThat(written).isEqualTo("ba");
        assertThat(store.find("d").orElseThrow().body().getString("title")).isEqualTo("ba");
    }
}
