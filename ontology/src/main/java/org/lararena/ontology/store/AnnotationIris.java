package org.lararena.ontology.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.vocabulary.LAR;

/**
 * The names an {@link AnnotationStore} gives what it keeps, under the project's namespace ({@link LAR#BASE}): the IRIs
 * of passages, documents, annotations and agents (users and the annotator), and the annotator's names. Callers use
 * these to name what they read from a store (SPARQL, JSON-LD, exports, agreement), whichever store it is.
 */
public final class AnnotationIris {

    /** The annotator as an agent: its name; its version is {@link PassageAnnotator#VERSION}. */
    public static final String ANNOTATOR_NAME = "Lärarena annotator";

    /** The annotator's name as a coder (in decisions, views and agreement); a username is never this. */
    public static final String ANNOTATOR_CODER = "annotator";

    private static final String ANNOTATION_BASE = LAR.BASE + "annotation/";
    private static final String PASSAGE_BASE = LAR.BASE + "passage/";

    private AnnotationIris() {
    }

    /**
     * The annotator's version with a suggester model: {@link PassageAnnotator#VERSION} with none (version 0), that
     * version and {@code +modell.3} with model 3.
     */
    public static String annotatorVersion(int modelVersion) {
        return modelVersion <= 0 ? PassageAnnotator.VERSION : PassageAnnotator.VERSION + "+modell." + modelVersion;
    }

    /** The IRI of a passage under the project's namespace. */
    public static String passageIri(String passageId) {
        return PASSAGE_BASE + passageId;
    }

    /** The IRI of an annotation. */
    public static String annotationIri(String annotationId) {
        return ANNOTATION_BASE + annotationId;
    }

    /** The IRI of a user as an agent. */
    public static String userIri(String username) {
        return LAR.BASE + "agent/user/" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    /** The IRI of the annotator without a suggester model as a software agent. */
    public static String annotatorIri() {
        return annotatorIri(PassageAnnotator.VERSION);
    }

    /** The IRI of the annotator of this version (see {@link #annotatorVersion(int)}) as a software agent. */
    public static String annotatorIri(String version) {
        return LAR.BASE + "agent/annotator/" + version;
    }

    /** Whether {@code creatorIri} is the annotator with suggester model {@code modelVersion} (0: the dictionary alone). */
    public static boolean isAnnotatorWithModel(String creatorIri, int modelVersion) {
        return annotatorIri(annotatorVersion(modelVersion)).equals(creatorIri);
    }

    /** Whether {@code iri} names a passage ({@link #passageIri}). */
    public static boolean isPassage(String iri) {
        return iri.startsWith(PASSAGE_BASE);
    }

    /** The id of the passage {@code iri} names ({@link #passageIri}). */
    public static String passageIdOf(String iri) {
        return iri.substring(PASSAGE_BASE.length());
    }

    /** The id of the annotation {@code iri} names ({@link #annotationIri}). */
    public static String annotationIdOf(String iri) {
        return iri.substring(ANNOTATION_BASE.length());
    }

    /** The IRI of a document (in its graph it carries {@code lar:ontologyVersion}). */
    public static String documentIri(String documentId) {
        return LAR.BASE + "document/" + documentId;
    }
}
