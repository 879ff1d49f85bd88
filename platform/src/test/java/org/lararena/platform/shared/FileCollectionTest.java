package org.lararena.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.JsonCollection.Stored;

class FileCollectionTest {

    @TempDir
    Path folder;

    @Test
    void whatIsWrittenIsReadBackAfterAReopenAndAChangeFromAnOldReadIsRefused() {
        FileCollection insights = new FileCollection(folder, "the insight", false);
        Stored first = insights.create("samverkan-1", new JsonObject().put("title", "Samverkan över gränser"));
        Stored second = insights.replace(first, new JsonObject().put("title", "Samverkan över huvudmannagränser"));

        assertThatThrownBy(() -> insights.replace(first, new JsonObject().put("title", "en äldre läsning")))
                .isInstanceOf(JsonCollection.ChangedMeanwhile.class).hasMessageContaining("the insight samverkan-1")
                .extracting(e -> ((LararenaException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> insights.create("samverkan-1", new JsonObject()))
                .isInstanceOf(JsonCollection.ChangedMeanwhile.class);

        FileCollection reopened = new FileCollection(folder, "the insight", false);
        assertThat(reopened.find("samverkan-1")).map(stored -> stored.body().getString("title")).contains("Samverkan över huvudmannagränser");
        assertThat(second.version()).isNotEqualTo(first.version());
    }

    @Test
    void aDeletedDocumentIsGoneAndAnIdThatIsNoFileNameIsRefusedWithA400() {
        FileCollection records = new FileCollection(folder, "the document's record", false);
        records.put("a", new JsonObject().put("at", "2026-01-01T00:00:00Z"));
        records.put("b", new JsonObject().put("at", "2026-02-01T00:00:00Z"));

        assertThat(records.newest("at", 1)).extracting(Stored::id).containsExactly("b");
        assertThat(records.delete("a")).isTrue();
        assertThat(records.delete("a")).isFalse();
        assertThat(records.all()).extracting(Stored::id).containsExactly("b");
        assertThat(Files.exists(folder.resolve("a.json"))).isFalse();

        assertThatThrownBy(() -> records.put("../utanför", new JsonObject()))
                .isInstanceOf(LararenaException.class).hasMessageContaining("not a usable id")
                .extracting(e -> ((LararenaException) e).status()).isEqualTo(400);
    }

    @Test
    void aCallerChangingWhatItReadDoesNotChangeWhatIsStored() {
        FileCollection records = new FileCollection(folder, "the document's record", false);
        records.put("a", new JsonObject().put("status", "queued"));
        records.find("a").orElseThrow().body().put("status", "indexed");

        assertThat(records.find("a").orElseThrow().body().getString("status")).isEqualTo("queued");
    }

    @Test
    void aDamagedFileStopsTheOpeningAndNamesTheFile() throws Exception {
        Files.writeString(folder.resolve("trasig.json"), "{\"status\": ");

        assertThatThrownBy(() -> new FileCollection(folder, "the document's record", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trasig.json");
    }
}
