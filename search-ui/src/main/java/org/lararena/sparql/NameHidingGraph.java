package org.lararena.sparql;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.names.DocumentNames;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;

/**
 * A read-only view of a graph in which the quotes of annotations ({@code oa:exact}, {@code oa:prefix},
 * {@code oa:suffix}) and the passages' texts ({@code lar:text}, from which suggestions derive their quotes) show the
 * names spoken in them replaced, as the annotation API and the passages show them to
 * everyone but researchers ({@link DocumentNames}). A pattern that names a quote is compared with the quote as shown,
 * so a query cannot probe for a name that is hidden.
 */
final class NameHidingGraph extends GraphBase {

    private static final Set<Node> QUOTE_PREDICATES = Set.of(OA.exact.asNode(), OA.prefix.asNode(), OA.suffix.asNode());
    private static final Set<Node> MASKED_PREDICATES = Set.of(OA.exact.asNode(), OA.prefix.asNode(), OA.suffix.asNode(), LAR.text.asNode());
    private static final String PASSAGE_PREFIX = AnnotationIris.passageIri("");
    private static final String QUOTE_SUFFIX = "#quote";

    private final Graph base;
    private final Function<String, DocumentNames> namesOfDocument;

    /** @param namesOfDocument the names of a document by its id (the caller caches them for one query) */
    NameHidingGraph(Graph base, Function<String, DocumentNames> namesOfDocument) {
        this.base = base;
        this.namesOfDocument = namesOfDocument;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node predicate = pattern.getPredicate();
        if (predicate.isConcrete() && !MASKED_PREDICATES.contains(predicate)) {
            return base.find(pattern);
        }
        Node wanted = pattern.getObject();
        Node object = wanted.isConcrete() && wanted.isLiteral() ? Node.ANY : wanted;
        return base.find(pattern.getSubject(), predicate, object)
                .mapWith(this::shown)
                .filterKeep(triple -> !wanted.isConcrete() || wanted.equals(triple.getObject()));
    }

    private Triple shown(Triple triple) {
        Node subject = triple.getSubject();
        if (triple.getPredicate().equals(LAR.text.asNode())) {
            return shownPassageText(triple);
        }
        if (!QUOTE_PREDICATES.contains(triple.getPredicate()) || !subject.isURI() || !subject.getURI().endsWith(QUOTE_SUFFIX)
                || !triple.getObject().isLiteral()) {
            return triple;
        }
        String annotation = subject.getURI().substring(0, subject.getURI().length() - QUOTE_SUFFIX.length());
        Map<Node, String> quote = Map.of(OA.exact.asNode(), string(subject, OA.exact.asNode()),
                OA.prefix.asNode(), string(subject, OA.prefix.asNode()), OA.suffix.asNode(), string(subject, OA.suffix.asNode()));
        String documentId = string(NodeFactory.createURI(annotation), LAR.documentId.asNode());
        Node source = first(NodeFactory.createURI(annotation + "#target"), OA.hasSource.asNode());
        Node position = NodeFactory.createURI(annotation + "#position");
        Node start = first(position, OA.start.asNode());
        Node end = first(position, OA.end.asNode());
        if (documentId == null || source == null || !source.isURI() || start == null || end == null) {
            return triple;
        }
        DocumentNames.Quote masked = namesOfDocument.apply(documentId).mask(source.getURI().substring(PASSAGE_PREFIX.length()),
                Integer.parseInt(start.getLiteralLexicalForm()), Integer.parseInt(end.getLiteralLexicalForm()),
                quote.get(OA.exact.asNode()), quote.get(OA.prefix.asNode()), quote.get(OA.suffix.asNode()));
        String shown = triple.getPredicate().equals(OA.exact.asNode()) ? masked.exact()
                : triple.getPredicate().equals(OA.prefix.asNode()) ? masked.prefix() : masked.suffix();
        return Triple.create(subject, triple.getPredicate(), NodeFactory.createLiteralString(shown));
    }

    /** A passage's whole text, masked as a quote of all of it would be. */
    private Triple shownPassageText(Triple triple) {
        Node subject = triple.getSubject();
        if (!subject.isURI() || !subject.getURI().startsWith(PASSAGE_PREFIX) || !triple.getObject().isLiteral()) {
            return triple;
        }
        String passageId = subject.getURI().substring(PASSAGE_PREFIX.length());
        String text = triple.getObject().getLiteralLexicalForm();
        // A text whose document cannot be told is not shown: its names could not be found.
        String shown = PassageIndexer.documentIdOf(passageId).map(documentId -> namesOfDocument.apply(documentId)
                .mask(passageId, 0, text.codePointCount(0, text.length()), text, "", "").exact()).orElse("");
        return Triple.create(subject, triple.getPredicate(), NodeFactory.createLiteralString(shown));
    }

    private Node first(Node subject, Node predicate) {
        ExtendedIterator<Triple> found = base.find(subject, predicate, Node.ANY);
        try {
            return found.hasNext() ? found.next().getObject() : null;
        } finally {
            found.close();
        }
    }

    private String string(Node subject, Node predicate) {
        Node value = first(subject, predicate);
        return value == null || !value.isLiteral() ? "" : value.getLiteralLexicalForm();
    }
}
