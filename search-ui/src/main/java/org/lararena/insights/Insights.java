package org.lararena.insights;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.lararena.modules.LearningModule;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * The insights a caller may see, and the checked changes researchers make to them. Published insights are for
 * everyone, drafts for researchers only (anyone else gets 404). The read-only insights of
 * {@code modules/insights.yaml} are listed with the stored ones. A quote is shown only from a passage the caller
 * may read (left out otherwise, without a trace), with the speaker as the caller may see it. Blocking.
 */
public final class Insights {

    public static final int MAX_TITLE_CHARS = 200;
    /** The default longest insight text ({@code LARARENA_MAX_INSIGHT_CHARS}): an insight is a short statement, not a report. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 10_000;
    public static final int MAX_THEMES = 20;
    public static final int MAX_PASSAGES = 50;
    /**
     * A submission identical to one the same researcher made this recently is the same insight again (a form sent
     * twice, a retried request), not a second one.
     */
    public static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);
    private static final Set<String> FIELDS = Set.of("title", "text", "themes", "passages", "status");
    private static final String FROM_MODULES = "modules/insights.yaml";

    /** Passages by id as {@code caller} may see them; an id the caller may not read is absent, as is an unknown one. */
    @FunctionalInterface
    public interface PassageLookup {
        Map<String, JsonObject> find(List<String> ids, Caller caller);
    }

    private final InsightStore store;
    private final Map<String, Insight> fromModules;
    private final Predicate<String> knownTheme;
    private final Function<String, String> themeLabel;
    private final PassageLookup passages;
    private final Clock clock;
    private final int maxTextChars;

    /**
     * @param fromModules the insights of {@code modules/insights.yaml} ({@link #fromModule})
     * @param knownTheme  whether a concept IRI is in the ontology
     * @param themeLabel  the Swedish label of a known concept IRI
     */
    public Insights(InsightStore store, List<Insight> fromModules, Predicate<String> knownTheme, Function<String, String> themeLabel,
                    PassageLookup passages, Clock clock, int maxTextChars) {
        this.store = Objects.requireNonNull(store);
        this.fromModules = new LinkedHashMap<>();
        fromModules.forEach(i -> this.fromModules.put(i.id(), i));
        this.knownTheme = Objects.requireNonNull(knownTheme);
        this.themeLabel = Objects.requireNonNull(themeLabel);
        this.passages = Objects.requireNonNull(passages);
        this.clock = Objects.requireNonNull(clock);
        this.maxTextChars = maxTextChars;
    }

    /** A published, read-only insight from a learning module's {@code insights.yaml}; its theme labels become IRIs. */
    public static Insight fromModule(LearningModule.Insight insight, Function<String, Optional<String>> themeIriByLabel) {
        List<String> themes = insight.themes().stream().map(themeIriByLabel).flatMap(Optional::stream).toList();
        // The statement's first sentence is its title; the rest its text.
        String statement = insight.statement().strip();
        int end = statement.indexOf(". ");
        String title = end > 0 && end < MAX_TITLE_CHARS ? statement.substring(0, end + 1) : statement;
        String text = statement.substring(title.length()).strip();
        return new Insight(insight.id(), title, text, themes, List.of(), Insight.Status.PUBLISHED, FROM_MODULES, null, null, true);
    }

    /** What the caller may see (researchers: drafts too), stored ones newest first, then the modules' ones; with {@code theme}, only those tagged with it. */
    public List<Insight> visible(Caller caller, Optional<String> theme) {
        return Stream.concat(store.all().stream(), fromModules.values().stream())
                .filter(i -> i.isPublished() || caller.isResearcher())
                .filter(i -> theme.isEmpty() || i.themes().contains(theme.get()))
                .toList();
    }

    /** The insight, when the caller may see it; 404 otherwise (a draft is not there for non-researchers). */
    public Insight find(String id, Caller caller) {
        Insight insight = store.find(id).or(() -> Optional.ofNullable(fromModules.get(id)))
                .orElseThrow(() -> LararenaException.notFound("no insight with that id"));
        if (!insight.isPublished() && !caller.isResearcher()) {
            throw LararenaException.notFound("no insight with that id");
        }
        return insight;
    }

    /**
     * A new insight from {@code {title, text, themes, passages, status}} (a draft unless status says published); the
     * same body from the same researcher within {@link #REPEAT_WINDOW} returns the insight it made, unchanged.
     */
    public synchronized Insight create(JsonObject body, Caller caller) {
        caller.require(Caller.RESEARCHER);
        Instant now = clock.instant();
        Insight empty = new Insight("new", "", "", List.of(), List.of(), Insight.Status.DRAFT, caller.username(), now, now, false);
        Insight checked = apply(empty, body, caller);
        if (checked.title().isEmpty()) {
            throw LararenaException.badRequest("title: an insight needs a statement (title); it is empty");
        }
        Optional<Insight> repeated = store.all().stream().filter(i -> sameSubmission(i, checked, caller, now)).findFirst();
        if (repeated.isPresent()) {
            return repeated.get();
        }
        String id;
        do {
            id = InsightStore.newId(checked.title());
        } while (store.find(id).isPresent() || fromModules.containsKey(id));
        return store.create(new Insight(id, checked.title(), checked.text(), checked.themes(), checked.passages(), checked.status(),
                caller.username(), now, now, false));
    }

    private static boolean sameSubmission(Insight stored, Insight submitted, Caller caller, Instant now) {
        return caller.username().equals(stored.createdBy()) && stored.created() != null
                && !stored.created().isBefore(now.minus(REPEAT_WINDOW)) && !stored.created().isAfter(now)
                && stored.title().equals(submitted.title()) && stored.text().equals(submitted.text())
                && stored.themes().equals(submitted.themes()) && stored.passages().equals(submitted.passages())
                && stored.status() == submitted.status();
    }

    /** Changes the fields present in {@code changes}; the others stay. */
    public Insight update(String id, JsonObject changes, Caller caller) {
        caller.require(Caller.RESEARCHER);
        editable(id);
        // Made again to what another instance left, when it changed the insight meanwhile: no change is lost.
        return store.update(id, insight -> apply(insight, changes, caller));
    }

    public Insight setStatus(String id, Insight.Status status, Caller caller) {
        return update(id, new JsonObject().put("status", status.wireName()), caller);
    }

    public void delete(String id, Caller caller) {
        caller.require(Caller.RESEARCHER);
        editable(id);
        store.delete(id);
    }

    private Insight editable(String id) {
        if (fromModules.containsKey(id)) {
            throw new LararenaException(409, "conflict", "the insight " + id + " comes from " + FROM_MODULES + " and is edited there");
        }
        return store.find(id).orElseThrow(() -> LararenaException.notFound("no insight with that id"));
    }

    /** {@code base} with the fields of {@code body} checked and applied; 400 naming the field on bad input. */
    Insight apply(Insight base, JsonObject body, Caller caller) {
        if (body == null) {
            throw LararenaException.badRequest("send a JSON object with title, text, themes, passages and status");
        }
        for (String field : body.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw LararenaException.badRequest(field + ": not a field of an insight (fields: title, text, themes, passages, status)");
            }
        }
        String title = body.containsKey("title") ? text(body, "title", MAX_TITLE_CHARS) : base.title();
        if (body.containsKey("title") && title.isEmpty()) {
            throw LararenaException.badRequest("title: an insight needs a statement (title); it is empty");
        }
        String text = body.containsKey("text") ? text(body, "text", maxTextChars) : base.text();
        List<String> themes = body.containsKey("themes") ? themes(strings(body, "themes", MAX_THEMES)) : base.themes();
        List<String> passageIds = body.containsKey("passages") ? readablePassages(strings(body, "passages", MAX_PASSAGES), caller) : base.passages();
        Insight.Status status = body.containsKey("status") ? Insight.Status.parse(String.valueOf(body.getValue("status"))) : base.status();
        return new Insight(base.id(), title, text, themes, passageIds, status, base.createdBy(), base.created(), clock.instant(), false);
    }

    private static String text(JsonObject body, String field, int limit) {
        if (!(body.getValue(field) instanceof String value)) {
            throw LararenaException.badRequest(field + ": must be a text");
        }
        String stripped = value.strip();
        if (stripped.length() > limit) {
            throw LararenaException.badRequest(field + ": " + stripped.length() + " characters; the limit is " + limit);
        }
        return stripped;
    }

    private static List<String> strings(JsonObject body, String field, int limit) {
        if (!(body.getValue(field) instanceof JsonArray array)) {
            throw LararenaException.badRequest(field + ": must be a list of texts");
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object item : array) {
            if (!(item instanceof String value) || value.isBlank()) {
                throw LararenaException.badRequest(field + ": must be a list of texts");
            }
            values.add(value.strip());
        }
        if (values.size() > limit) {
            throw LararenaException.badRequest(field + ": at most " + limit + " (got " + values.size() + ")");
        }
        return List.copyOf(values);
    }

    private List<String> themes(List<String> iris) {
        for (String iri : iris) {
            if (!knownTheme.test(iri)) {
                throw LararenaException.badRequest("themes: '" + iri + "' is not a concept of the ontology");
            }
        }
        return iris;
    }

    private List<String> readablePassages(List<String> ids, Caller caller) {
        Map<String, JsonObject> found = ids.isEmpty() ? Map.of() : passages.find(ids, caller);
        for (String id : ids) {
            if (!found.containsKey(id)) {
                throw LararenaException.badRequest("passages: no passage '" + id + "' that you may read");
            }
        }
        return ids;
    }

    /** The longest text an insight may have. */
    public int maxTextChars() {
        return maxTextChars;
    }

    /** A theme's Swedish label; an IRI the ontology no longer knows shows as itself. */
    public String themeLabel(String iri) {
        return knownTheme.test(iri) ? themeLabel.apply(iri) : iri;
    }

    /** The passages with these ids that {@code caller} may read, by id: what an insight form shows of its quotes. */
    public Map<String, JsonObject> passages(List<String> ids, Caller caller) {
        return ids.isEmpty() ? Map.of() : passages.find(ids, caller);
    }

    /** The insight as {@code caller} may see it: theme labels, and a quote for each supporting passage the caller may read. */
    public JsonObject toJson(Insight insight, Caller caller) {
        JsonArray themes = new JsonArray();
        insight.themes().forEach(iri -> themes.add(new JsonObject().put("iri", iri).put("label", themeLabel(iri))));
        Map<String, JsonObject> readable = insight.passages().isEmpty() ? Map.of() : passages.find(insight.passages(), caller);
        JsonArray quotes = new JsonArray();
        List<String> shown = new ArrayList<>();
        for (String id : insight.passages()) {
            JsonObject passage = readable.get(id);
            if (passage != null) {
                quotes.add(passage);
                shown.add(id);
            }
        }
        JsonObject json = new JsonObject().put("id", insight.id()).put("title", insight.title()).put("text", insight.text())
                .put("status", insight.status().wireName()).put("readOnly", insight.readOnly()).put("themes", themes)
                .put("passages", new JsonArray(shown)).put("quotes", quotes)
                .put("created", insight.created() == null ? null : insight.created().toString())
                .put("updated", insight.updated() == null ? null : insight.updated().toString());
        if (caller.isResearcher()) {
            json.put("createdBy", insight.createdBy());
        }
        return json;
    }
}
