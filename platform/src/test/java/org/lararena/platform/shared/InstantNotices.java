package org.lararena.platform.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Change notices among the instances of one test, delivered at once, on the writer's thread, to every other instance
 * (on the event bus in production: {@link ChangeNotices#overEventBus}). Test code only.
 */
public final class InstantNotices {

    private final List<Map<String, Consumer<String>>> instances = new CopyOnWriteArrayList<>();

    /** The notices of one more instance. */
    public ChangeNotices instance() {
        Map<String, Consumer<String>> own = new ConcurrentHashMap<>();
        instances.add(own);
        return new ChangeNotices() {
            @Override
            public void changed(String collection, String id) {
                instances.stream().filter(other -> other != own).map(other -> other.get(collection))
                        .filter(listener -> listener != null).forEach(listener -> listener.accept(id));
            }

            @Override
            public void listen(String collection, Consumer<String> changedElsewhere) {
                own.put(collection, changedElsewhere);
            }
        };
    }
}
