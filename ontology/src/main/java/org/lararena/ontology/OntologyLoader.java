package org.lararena.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the Lärarena ontology from Turtle files, validates it against the SHACL rules in {@code shapes.ttl}
 * and returns an immutable {@link Ontology}. An ontology that does not parse or breaks a rule is refused with
 * an {@link OntologyException} ({@code 422 invalid_ontology}) naming the offending concept and the rule, so a
 * caller can keep the running version in service.
 *
 * <p>All {@code .ttl} files of the directory are ontology data except {@value #SHAPES_FILE}; the shapes always
 * come from the classpath: they are the module's rules, not something an uploaded ontology may replace.
 */
public final class OntologyLoader {

    /** Where the shipped ontology lives on the classpath. */
    public static final String CLASSPATH_DIRECTORY = "org/lararena/ontology/";

    /** The SHACL rules; excluded from the data. */
    public static final String SHAPES_FILE = "shapes.ttl";

    /** At most this many violations are spelled out in an exception message. */
    private static final int MAX_REPORTED = 10;

    private static final Logger LOG = LoggerFactory.getLogger(OntologyLoader.class);

    private OntologyLoader() {}

    /**
     * The ontology shipped with this module, loaded and validated once for the whole process: the application and
     * the code that reads its lists without being handed one share it.
     */
    public static Ontology shipped() {
        return Shipped.ONTOLOGY;
    }

    /** Loaded on first use (the holder idiom: the JVM makes the load thread-safe and happen once). */
    private static final class Shipped {
        static final Ontology ONTOLOGY = fromClasspath();
    }

    /** Loads and validates the ontology shipped with this module (from its directory or its jar). */
    public static Ontology fromClasspath() {
        return fromClasspath(OntologyLoader.class.getClassLoader());
    }

    /**
     * Loads and validates the ontology files found beside {@value #SHAPES_FILE} in {@code classLoader}. Synchronized:
     * a jar is opened as a file system for the listing and closed again.
     */
    public static synchronized Ontology fromClasspath(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        URL anchor = classLoader.getResource(CLASSPATH_DIRECTORY + SHAPES_FILE);
        if (anchor == null) {
            throw OntologyException.internal("no " + CLASSPATH_DIRECTORY + SHAPES_FILE + " on the classpath", null);
        }
        try {
            URI uri = anchor.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return fromDirectory(Path.of(uri).getParent());
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return fromDirectory(jar.provider().getPath(uri).getParent());
            } catch (FileSystemAlreadyExistsException e) {
                // Another caller has the jar open: use theirs and leave it open.
                return fromDirectory(FileSystems.getFileSystem(uri).provider().getPath(uri).getParent());
            }
        } catch (URISyntaxException | IOException e) {
            throw OntologyException.internal("cannot list the ontology on the classpath: " + anchor, e);
        }
    }

    /** Loads every {@code .ttl} file (except {@value #SHAPES_FILE}) of {@code directory} and validates it. */
    public static Ontology fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw OntologyException.badRequest("not a directory: " + directory);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing
                    .filter(p -> p.getFileName().toString().endsWith(".ttl"))
                    .filter(p -> !p.getFileName().toString().equals(SHAPES_FILE))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw OntologyException.internal("cannot list " + directory, e);
        }
        if (files.isEmpty()) {
            throw OntologyException.invalidOntology("no .ttl files in " + directory, null);
        }
        Model model = ModelFactory.createDefaultModel();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                RDFParser.source(in).lang(Lang.TURTLE).base(file.toUri().toString()).parse(model);
            } catch (RiotException e) {
                throw OntologyException.invalidOntology(file.getFileName() + " does not parse: " + e.getMessage(), e);
            } catch (IOException e) {
                throw OntologyException.internal("cannot read " + file, e);
            }
        }
        LOG.debug("read {} triples from {} files in {}", model.size(), files.size(), directory);
        return fromModel(model);
    }

    /** Validates a model that already holds the whole ontology and wraps a copy of it. */
    public static Ontology fromModel(Model model) {
        Objects.requireNonNull(model, "model");
        validate(model);
        return new Ontology(model);
    }

    /**
     * Checks {@code model} against the shapes.
     *
     * @throws OntologyException {@code 422} naming, for each violation (up to ten), the focus concept and the rule
     */
    public static void validate(Model model) {
        ValidationReport report = ShaclValidator.get().validate(ShapesHolder.SHAPES, model.getGraph());
        List<String> problems = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            if (entry.severity() == Severity.Violation) {
                problems.add(describe(entry));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        problems.sort(Comparator.naturalOrder());
        String shown = String.join("\n", problems.subList(0, Math.min(MAX_REPORTED, problems.size())));
        String more = problems.size() > MAX_REPORTED ? "\n... and " + (problems.size() - MAX_REPORTED) + " more" : "";
        throw OntologyException.invalidOntology(
                "the ontology breaks " + problems.size() + " SHACL rule(s):\n" + shown + more, null);
    }

    private static String describe(ReportEntry entry) {
        // Every rule is a shape with an IRI (property shapes for the counts, node shapes for SPARQL rules).
        Node rule = entry.source();
        String ruleName = rule != null && rule.isURI() ? rule.getLocalName() : String.valueOf(rule);
        return "<" + display(entry.focusNode()) + "> breaks rule " + ruleName + ": " + entry.message();
    }

    private static String display(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }

    /** The shapes, parsed once on first use. */
    private static final class ShapesHolder {
        static final Shapes SHAPES = load();

        private static Shapes load() {
            String resource = CLASSPATH_DIRECTORY + SHAPES_FILE;
            try (InputStream in = OntologyLoader.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw OntologyException.internal("no " + resource + " on the classpath", null);
                }
                Model shapes = ModelFactory.createDefaultModel();
                RDFParser.source(in).lang(Lang.TURTLE).parse(shapes);
                return Shapes.parse(shapes.getGraph());
            } catch (IOException e) {
                throw OntologyException.internal("cannot read " + resource, e);
            }
        }
    }
}
