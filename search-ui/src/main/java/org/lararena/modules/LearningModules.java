package org.lararena.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and checks the learning modules of a folder: {@code <folder>/<slug>/index.md} with front matter, and the
 * published insights in {@code <folder>/insights.yaml}. Each module that fails a check is left out with a
 * message naming the module and the problem; the others load. Blocking (file I/O): read at start.
 */
public final class LearningModules {

    /** The largest module file read, and the YAML limits: module content is trusted less than code. */
    static final int MAX_FILE_BYTES = 512 * 1024;
    private static final int MAX_YAML_NESTING = 20;

    private final Map<String, LearningModule> modules;
    private final List<String> problems;
    private final List<LearningModule.Insight> insights;

    private LearningModules(Map<String, LearningModule> modules, List<String> problems) {
        this(modules, problems, Map.of());
    }

    private LearningModules(Map<String, LearningModule> modules, List<String> problems, Map<String, LearningModule.Insight> insights) {
        this.modules = modules;
        this.problems = problems;
        this.insights = List.copyOf(insights.values());
    }

    /**
     * @param knownThemes the Swedish labels of the ontology's themes a module may name
     */
    public static LearningModules load(Path folder, Collection<String> knownThemes) {
        Map<String, LearningModule> modules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add("the modules folder " + folder + " does not exist");
            return new LearningModules(modules, problems);
        }
        Map<String, LearningModule.Insight> insights = readInsights(folder.resolve("insights.yaml"), problems);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
                String slug = dir.getFileName().toString();
                try {
                    modules.put(slug, read(slug, dir.resolve("index.md"), Set.copyOf(knownThemes), insights));
                } catch (ModuleException e) {
                    problems.add("module " + slug + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("the modules folder could not be read: " + e.getMessage());
        }
        return new LearningModules(modules, problems, insights);
    }

    public List<LearningModule> all() {
        return List.copyOf(modules.values());
    }

    public Optional<LearningModule> find(String slug) {
        return Optional.ofNullable(modules.get(slug));
    }

    /** The published insights of {@code insights.yaml}, in file order. */
    public List<LearningModule.Insight> insights() {
        return insights;
    }

    /** Why modules were left out, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static final class ModuleException extends Exception {
        ModuleException(String message) {
            super(message);
        }
    }

    private static LearningModule read(String slug, Path file, Set<String> knownThemes, Map<String, LearningModule.Insight> insights)
            throws ModuleException {
        String source;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModuleException("index.md is missing");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ModuleException("index.md is larger than " + MAX_FILE_BYTES / 1024 + " KB");
            }
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModuleException("index.md could not be read (" + e.getMessage() + ")");
        }
        source = source.replace("\r\n", "\n");
        if (!source.startsWith("---\n")) {
            throw new ModuleException("index.md must begin with front matter between --- lines");
        }
        int end = source.indexOf("\n---", 4);
        if (end < 0) {
            throw new ModuleException("the front matter is not closed by a --- line");
        }
        Map<String, Object> front = yaml(source.substring(4, end));
        String body = source.substring(source.indexOf('\n', end + 1) + 1);

        String title = string(front, "title", true);
        List<String> themes = strings(front, "themes");
        for (String theme : themes) {
            if (!knownThemes.contains(theme)) {
                throw new ModuleException("unknown theme '" + theme + "' (the ontology's themes are named exactly, e.g. 'Samverkan')");
            }
        }
        List<LearningModule.Insight> moduleInsights = new ArrayList<>();
        for (String id : strings(front, "insights")) {
            LearningModule.Insight insight = insights.get(id);
            if (insight == null) {
                throw new ModuleException("unknown insight '" + id + "' (not published in insights.yaml)");
            }
            moduleInsights.add(insight);
        }
        List<LearningModule.SavedSearch> searches = new ArrayList<>();
        for (Object entry : list(front, "saved_searches")) {
            if (!(entry instanceof Map<?, ?> search) || !(search.get("label") instanceof String label) || !(search.get("query") instanceof String query)) {
                throw new ModuleException("each saved search needs a label and a query");
            }
            Object theme = search.get("theme");
            if (theme != null && !knownThemes.contains(String.valueOf(theme))) {
                throw new ModuleException("saved search '" + label + "' names the unknown theme '" + theme + "'");
            }
            searches.add(new LearningModule.SavedSearch(label, query, theme == null ? null : String.valueOf(theme)));
        }
        // Markdown from the folder is content, not code: HTML in it is shown as text, and unsafe links are dropped.
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
        String html = renderer.render(Parser.builder().build().parse(body));
        return new LearningModule(slug, title, string(front, "summary", false), strings(front, "learning_goals"), themes,
                List.copyOf(moduleInsights), List.copyOf(searches), strings(front, "reflection_questions"), html);
    }

    private static Map<String, LearningModule.Insight> readInsights(Path file, List<String> problems) {
        Map<String, LearningModule.Insight> insights = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return insights;
        }
        try {
            Object parsed = new Yaml(new SafeConstructor(options())).load(Files.readString(file, StandardCharsets.UTF_8));
            if (!(parsed instanceof List<?> entries)) {
                problems.add("insights.yaml must be a list of insights");
                return insights;
            }
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> insight && insight.get("id") instanceof String id && insight.get("statement") instanceof String statement) {
                    if ("published".equals(insight.get("status")) || insight.get("status") == null) {
                        List<String> themes = insight.get("themes") instanceof List<?> t ? t.stream().map(String::valueOf).toList() : List.of();
                        insights.put(id, new LearningModule.Insight(id, statement, themes));
                    }
                } else {
                    problems.add("insights.yaml: each insight needs an id and a statement");
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("insights.yaml could not be read: " + e.getMessage());
        }
        return insights;
    }

    private static Map<String, Object> yaml(String text) throws ModuleException {
        try {
            Object parsed = new Yaml(new SafeConstructor(options())).load(text);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new ModuleException("the front matter must be a YAML mapping (key: value)");
            }
            Map<String, Object> front = new LinkedHashMap<>();
            map.forEach((k, v) -> front.put(String.valueOf(k), v));
            return front;
        } catch (RuntimeException e) {
            throw new ModuleException("the front matter is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_YAML_NESTING);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static String string(Map<String, Object> front, String key, boolean required) throws ModuleException {
        Object value = front.get(key);
        if (value == null) {
            if (required) {
                throw new ModuleException("the front matter has no " + key);
            }
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ModuleException(key + " must be text");
        }
        return s.strip();
    }

    private static List<?> list(Map<String, Object> front, String key) throws ModuleException {
        Object value = front.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ModuleException(key + " must be a list");
        }
        return list;
    }

    private static List<String> strings(Map<String, Object> front, String key) throws ModuleException {
        List<String> values = new ArrayList<>();
        for (Object item : list(front, key)) {
            if (!(item instanceof String s)) {
                throw new ModuleException(key + " must be a list of texts");
            }
            values.add(s.strip());
        }
        return List.copyOf(values);
    }
}
