package org.lararena.platform.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.lararena.platform.LararenaException;

/** The JSON object a request sends, for endpoints that read one. */
public final class JsonBody {

    private JsonBody() {
    }

    /** The request's JSON object body; a 400 that shows the expected {@code shape} when there is none or it is not JSON. */
    public static JsonObject of(RoutingContext ctx, String shape) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null) {
            throw LararenaException.badRequest("send a JSON object: " + shape);
        }
        return body;
    }
}
