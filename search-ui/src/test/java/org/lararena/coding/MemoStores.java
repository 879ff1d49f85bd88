package org.lararena.coding;

import java.nio.file.Path;
import java.time.Clock;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.ChangeNotices;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.shared.JsonCollection;

/** Memo stores for tests, over real collections. */
public final class MemoStores {

    private MemoStores() {
    }

    /** The store of a single instance started on {@code folder}: what a restart reads. */
    public static MemoStore opened(Path folder, int maxChars, Clock clock) {
        return instance(new FileCollection(folder, MemoStore.KIND.what(), MemoStore.KIND.flush()), ChangeNotices.NONE, maxChars, clock);
    }

    /** The store of one instance of several sharing {@code shared}, hearing the others through {@code notices}. */
    public static MemoStore instance(JsonCollection shared, ChangeNotices notices, int maxChars, Clock clock) {
        return new MemoStore(new CachedCollection<>(MemoStore.KIND.name(), shared, MemoStore.CODEC, notices), maxChars, clock);
    }
}
