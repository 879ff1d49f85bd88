package org.lararena.platform;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This process among the instances of a cluster, and the two ends of what it tells them on a {@link ClusterAddresses}
 * address. A published message reaches every instance, its sender included, so each carries its sender's id
 * ({@code instance}) and a listener hears only the others'. One for the process: the composition root makes it and
 * hands it to every sender and listener.
 */
public record InstanceId(String value) {

    /** The field of a message's body that names its sender. */
    private static final String SENDER = "instance";

    public InstanceId {
        Objects.requireNonNull(value);
    }

    /** Tells every other instance {@code body} at {@code address}, signed with this id. */
    public void publish(EventBus bus, String address, JsonObject body) {
        bus.publish(address, body.copy().put(SENDER, value));
    }

    /** The id of the instance that published {@code body}, as {@link #hearOthers} hands it on. */
    public static String senderOf(JsonObject body) {
        return body.getString(SENDER);
    }

    /** Hears what the other instances publish at {@code address}; what this one published is skipped. */
    public MessageConsumer<JsonObject> hearOthers(EventBus bus, String address, Consumer<JsonObject> heard) {
        return bus.<JsonObject>consumer(address, message -> {
            if (!value.equals(message.body().getString(SENDER))) {
                heard.accept(message.body());
            }
        });
    }
}
