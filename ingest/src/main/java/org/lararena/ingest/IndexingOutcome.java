package org.lararena.ingest;

import io.vertx.core.eventbus.Message;
import java.util.Locale;

/**
 * What became of a document sent to indexing: the indexer's reply to a {@link DocumentAnnotated} message, and what
 * {@code PassageIndexer} reports for each document of a bulk write.
 */
public enum IndexingOutcome {
    /** Its passages are searchable. */
    INDEXED,
    /** Elasticsearch is away (or the outcome could not be kept): the work waits and is sent again. */
    WAITING,
    /** Indexing failed for good; the document's record says why. */
    FAILED;

    /** The reply as it travels: {@code indexed}, {@code waiting} or {@code failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Answers {@code message} with this outcome. */
    public void answer(Message<?> message) {
        message.reply(wireName());
    }

    /** The outcome a reply carries. */
    public static IndexingOutcome fromWire(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
