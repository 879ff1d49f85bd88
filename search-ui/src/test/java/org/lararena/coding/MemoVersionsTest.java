package org.lararena.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** Memos are edited and deleted by appending versions: the earlier text is never lost, also after a restart. */
class MemoVersionsTest {

    /** Each store opened on it is the store of an instance started (again) on the same data. */
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void anEditReplacesTheTextInItsPlaceAndKeepsTheEarlierVersion() {
        MemoStore store = MemoStores.opened(dir, 100, clock);
        Memo first = store.add("p-1", "Första tanken", "forskare");
        store.add("p-1", "Andra memot", "forskare2");

        Memo edited = store.edit(first.id(), "Första tanken, omformulerad", "forskare2");

        assertThat(store.of("p-1")).extracting(Memo::text).containsExactly("Första tanken, omformulerad", "Andra memot");
        assertThat(edited.author()).as("the author stays who wrote it first").isEqualTo("forskare");
        assertThat(edited.changedBy()).isEqualTo("forskare2");
        assertThat(store.versions(first.id())).extracting(Memo::text).containsExactly("Första tanken", "Första tanken, omformulerad");
        assertThat(MemoStores.opened(dir, 100, clock).versions(first.id())).as("after a restart").extracting(Memo::text)
                .containsExactly("Första tanken", "Första tanken, omformulerad");
    }

    @Test
    void aDeletedMemoLeavesItsPassageButItsVersionsStay() {
        MemoStore store = MemoStores.opened(dir, 100, clock);
        Memo memo = store.add("p-1", "Ska bort", "forskare");

        store.delete(memo.id(), "forskare");

        assertThat(store.of("p-1")).isEmpty();
        MemoStore reopened = MemoStores.opened(dir, 100, clock);
        assertThat(reopened.of("p-1")).isEmpty();
        assertThat(reopened.versions(memo.id())).extracting(Memo::deleted).containsExactly(false, true);
        assertThatThrownBy(() -> reopened.edit(memo.id(), "igen", "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void badEditsChangeNothing() {
        MemoStore store = MemoStores.opened(dir, 10, clock);
        Memo memo = store.add("p-1", "kort", "forskare");

        assertThatThrownBy(() -> store.edit(memo.id(), " ", "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> store.edit(memo.id(), "alldeles för lång text", "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> store.edit("finns-inte", "text", "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(store.versions(memo.id())).hasSize(1);
    }
}
