package org.lararena.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.AtOnce;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.shared.InstantNotices;

/**
 * Two instances, each with its memo store, over the one collection they share, each told of the other's changes (on
 * the event bus in production). Elasticsearch as that collection: {@code SharedStoresIT}.
 */
class MemoSharingTest {

    @TempDir
    Path folder;

    private final InstantNotices notices = new InstantNotices();
    private JsonCollection shared;
    private MemoStore first;
    private MemoStore second;

    @BeforeEach
    void twoInstances() {
        shared = new FileCollection(folder, MemoStore.KIND.what(), false);
        first = MemoStores.instance(shared, notices.instance(), 200, Clock.systemUTC());
        second = MemoStores.instance(shared, notices.instance(), 200, Clock.systemUTC());
    }

    @Test
    void aMemoWrittenThroughOneInstanceIsReadAndEditedThroughTheOther() {
        Memo memo = first.add("p-1", "Skrivet på den första", "forskare");

        assertThat(second.current(memo.id())).isEqualTo(memo);
        assertThat(second.of("p-1")).containsExactly(memo);

        second.edit(memo.id(), "Ändrat på den andra", "forskare2");
        assertThat(first.of("p-1")).extracting(Memo::text).containsExactly("Ändrat på den andra");
        assertThat(first.versions(memo.id())).extracting(Memo::text).containsExactly("Skrivet på den första", "Ändrat på den andra");
    }

    @Test
    void aMemoDeletedOrErasedOnOneInstanceLeavesThePassageOnTheOther() {
        Memo deleted = first.add("p-1", "Ska bort", "forskare");
        Memo erased = first.add("p-2", "Ska raderas", "forskare");
        MemoStore started = MemoStores.instance(shared, notices.instance(), 200, Clock.systemUTC());

        first.delete(deleted.id(), "forskare");
        first.erase(passage -> passage.equals("p-2"));

        assertThat(started.of("p-1")).isEmpty();
        assertThat(started.of("p-2")).isEmpty();
        assertThat(shared.find(erased.id())).as("no version of an erased memo stays").isEmpty();
    }

    @Test
    void editsOfOneMemoThroughTwoInstancesAtOnceAreAllKept() throws Exception {
        Memo memo = first.add("p-1", "start", "forskare");
        int editsEach = 50;
        List<MemoStore> instances = List.of(first, second);
        List<String> who = List.of("ett", "två");
        AtOnce.run(2, editsEach, (instance, i) -> instances.get(instance).edit(memo.id(), who.get(instance) + "-" + i, who.get(instance)));

        List<String> texts = second.versions(memo.id()).stream().map(Memo::text).toList();
        assertThat(texts).hasSize(1 + 2 * editsEach).contains("ett-0", "ett-49", "två-0", "två-49");
        assertThat(texts.stream().filter(text -> text.startsWith("ett-"))).as("each instance's edits in its order")
                .isSortedAccordingTo(Comparator.comparingInt(text -> Integer.parseInt(text.substring(4))));
    }
}
