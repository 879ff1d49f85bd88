package org.lararena.codebook;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

import static org.lararena.codebook.CodebookActions.iri;

/**
 * The growing codebook, for researchers (everyone else gets 403):
 * <ul>
 *   <li>{@code GET /api/codebook}: the theme scheme as a tree, each concept with its labels, definition, synonyms,
 *   colour, whether it is deprecated, and how many annotations give passages its theme; the ontology version and any
 *   conflicts with the shipped version found at start;</li>
 *   <li>{@code POST /api/codebook/concepts} ({@code {broader, labelSv, labelEn?, definition, synonyms?, colour?}}) → 201;</li>
 *   <li>{@code PATCH /api/codebook/concepts/{id}} (any of those fields; {@code broader} moves it);</li>
 *   <li>{@code POST /api/codebook/concepts/{id}/merge} ({@code {into}}) and {@code .../deprecate};</li>
 *   <li>{@code GET /api/codebook/changes}: the change log, newest first;</li>
 *   <li>{@code GET /api/codebook/proposals}: synonyms the team's manual tags propose ({@link SynonymProposals});
 *   {@code POST /api/codebook/proposals/{id}/accept} makes one a synonym of its concept (a codebook edit),
 *   {@code .../reject} turns it down for good.</li>
 * </ul>
 * A concept is named by its id (the last part of its IRI under {@code tema/}) or its IRI. Every change is audited
 * ({@code codebook_add}, {@code codebook_edit}, {@code codebook_move}, {@code codebook_merge}, {@code codebook_deprecate}, {@code codebook_proposal_accept}, {@code codebook_proposal_reject}).
 */
public final class CodebookEndpoint {

    private static final int BODY_LIMIT = 64 * 1024;

    private final RequestWork work;
    private final CodebookActions actions;

    public CodebookEndpoint(RequestWork work, CodebookActions actions) {
        this.work = Objects.requireNonNull(work);
        this.actions = Objects.requireNonNull(actions);
    }

    public void addRoutes(Router router) {
        router.get("/api/codebook").handler(this::tree);
        router.get("/api/codebook/changes").handler(this::changes);
        router.post("/api/codebook/concepts").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::add);
        router.patch("/api/codebook/concepts/:id").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::edit);
        router.post("/api/codebook/concepts/:id/merge").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::merge);
        router.post("/api/codebook/concepts/:id/deprecate").handler(this::deprecate);
        router.get("/api/codebook/proposals").handler(this::proposals);
        router.post("/api/codebook/proposals/:id/accept").handler(this::acceptProposal);
        router.post("/api/codebook/proposals/:id/reject").handler(this::rejectProposal);
    }

    private void tree(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, actions::tree);
    }

    private void changes(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, actions::changes);
    }

    private void add(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        JsonObject body = body(ctx);
        String broader = iri(string(body, "broader"));
        ConceptDraft draft = draft(body, null);
        work.json(ctx, 201, () -> actions.add(caller, broader, draft));
    }

    private void edit(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        JsonObject body = body(ctx);
        ConceptDraft draft = draft(body, iri(string(body, "broader")));
        work.json(ctx, () -> actions.edit(caller, iri(ctx.pathParam("id")), draft));
    }

    private void merge(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        String into = iri(string(body(ctx), "into"));
        if (into == null) {
            throw LararenaException.badRequest("name the concept to merge into: {\"into\": \"<id>\"}");
        }
        work.json(ctx, () -> actions.merge(caller, iri(ctx.pathParam("id")), into));
    }

    private void deprecate(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, () -> actions.deprecate(caller, iri(ctx.pathParam("id"))));
    }

    private void proposals(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, () -> new JsonObject().put("proposals", actions.proposals()));
    }

    private void acceptProposal(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, () -> actions.acceptProposal(caller, ctx.pathParam("id")));
    }

    private void rejectProposal(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, () -> actions.rejectProposal(caller, ctx.pathParam("id")));
    }

    private static ConceptDraft draft(JsonObject body, String broader) {
        List<String> synonyms = null;
        Object value = body.getValue("synonyms");
        if (value instanceof JsonArray array) {
            synonyms = new ArrayList<>();
            for (Object synonym : array) {
                if (!(synonym instanceof String text)) {
                    throw LararenaException.badRequest("synonyms must be a list of words (strings)");
                }
                synonyms.add(text);
            }
        } else if (value != null) {
            throw LararenaException.badRequest("synonyms must be a list of words (strings)");
        }
        return new ConceptDraft(string(body, "labelSv"), string(body, "labelEn"), string(body, "definition"), synonyms,
                string(body, "colour"), broader);
    }

    private static String string(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw LararenaException.badRequest(field + " must be text");
        }
        return (String) value;
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw LararenaException.badRequest("send the change as a JSON object");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            throw LararenaException.badRequest("send the change as a JSON object");
        }
    }
}
