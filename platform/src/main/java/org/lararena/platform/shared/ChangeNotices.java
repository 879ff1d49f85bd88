package org.lararena.platform.shared;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.lararena.platform.ClusterAddresses;
import org.lararena.platform.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the instances of a cluster tell each other that a document of a shared collection changed, so that each
 * reads it again into what it holds in memory. A notice carries only the collection and the id, never the document:
 * the reader always reads the newest state from the store, so a late or repeated notice does no harm.
 */
public interface ChangeNotices {

    /** A single instance: nobody else to tell. */
    ChangeNotices NONE = new ChangeNotices() {
        @Override
        public void changed(String collection, String id) {
        }

        @Override
        public void listen(String collection, Consumer<String> changedElsewhere) {
        }
    };

    /** Tells the other instances that this one wrote or deleted {@code id} of {@code collection}. */
    void changed(String collection, String id);

    /**
     * Hears the other instances' changes of {@code collection}: {@code changedElsewhere} gets the id, on a worker
     * thread (it reads the store).
     */
    void listen(String collection, Consumer<String> changedElsewhere);

    /**
     * Notices published on the (clustered) event bus at {@link ClusterAddresses#SHARED_CHANGED}, signed by
     * {@code self}; an instance skips its own.
     */
    static ChangeNotices overEventBus(Vertx vertx, InstanceId self) {
        return new EventBusNotices(vertx, self);
    }

    /** {@link ChangeNotices} on the event bus. */
    final class EventBusNotices implements ChangeNotices {

        private static final Logger LOG = LoggerFactory.getLogger(EventBusNotices.class);

        private final Vertx vertx;
        private final InstanceId self;
        private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();

        private EventBusNotices(Vertx vertx, InstanceId self) {
            this.vertx = Objects.requireNonNull(vertx);
            this.self = Objects.requireNonNull(self);
            self.hearOthers(vertx.eventBus(), ClusterAddresses.SHARED_CHANGED, notice -> {
                Consumer<String> listener = listeners.get(notice.getString("collection", ""));
                if (listener == null) {
                    return;
                }
                String id = notice.getString("id");
                vertx.executeBlocking(() -> {
                    listener.accept(id);
                    return null;
                }, false).onFailure(e -> LOG.warn("Could not read {} of {} again after another instance changed it: {}", id,
                        notice.getString("collection"), e.getMessage()));
            });
        }

        @Override
        public void changed(String collection, String id) {
            self.publish(vertx.eventBus(), ClusterAddresses.SHARED_CHANGED, new JsonObject().put("collection", collection).put("id", id));
        }

        @Override
        public void listen(String collection, Consumer<String> changedElsewhere) {
            listeners.put(collection, changedElsewhere);
        }
    }
}
