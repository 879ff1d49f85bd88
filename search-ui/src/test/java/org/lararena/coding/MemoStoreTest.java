package org.lararena.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

class MemoStoreTest {

    /** Each store opened on it is the store of an instance started (again) on the same data. */
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void keepsAuthorTimeAndTextOfEachMemoPerPassageInOrder() {
        MemoStore store = MemoStores.opened(dir, 100, clock);
        store.add("p-1", "Första tanken om kontinuitet", "forskare");
        store.add("p-2", "Annat stycke", "annan");
        store.add("p-1", "Andra tanken", "annan");

        assertThat(store.of("p-1")).extracting(Memo::text).containsExactly("Första tanken om kontinuitet", "Andra tanken");
        assertThat(store.of("p-1")).extracting(Memo::author).containsExactly("forskare", "annan");
        assertThat(store.of("p-1").get(0).created()).isEqualTo(clock.instant());
        assertThat(store.of("p-3")).isEmpty();
    }

    @Test
    void memosSurviveReopeningTheStore() {
        Memo written = MemoStores.opened(dir, 100, clock).add("p-1", "Bestående <b>anteckning</b> med \"citat\"", "forskare");

        MemoStore reopened = MemoStores.opened(dir, 100, clock);

        assertThat(reopened.of("p-1")).containsExactly(written);
    }

    @Test
    void refusesEmptyTooLongAndPassagelessMemosWithAClearReasonAndStoresNothing() {
        MemoStore store = MemoStores.opened(dir, 10, clock);

        assertThatThrownBy(() -> store.add("p-1", "   ", "forskare")).isInstanceOf(LararenaException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> store.add("p-1", "elva tecken", "forskare")).isInstanceOf(LararenaException.class)
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> store.add(" ", "text", "forskare")).isInstanceOf(LararenaException.class).hasMessageContaining("passage");
        assertThat(((LararenaException) Assertions.catchThrowable(() -> store.add("p-1", null, "forskare"))).status())
                .isEqualTo(400);
        assertThat(MemoStores.opened(dir, 10, clock).of("p-1")).isEmpty();
    }
}
