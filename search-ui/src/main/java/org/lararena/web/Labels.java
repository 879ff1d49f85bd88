package org.lararena.web;

import java.util.Locale;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.vocabulary.LAR;

/**
 * The words a reader sees for the values documents carry on the wire: a document type's label from the ontology's
 * Dokumenttyper (its short code is the last segment of the concept's IRI), and visibility and status from the
 * message bundle. A value nobody has a word for shows as it is.
 */
public final class Labels {

    private Labels() {
    }

    /** The label of document type {@code code} ({@code motesanteckningar} → "Mötesanteckningar") in the reader's language. */
    public static String documentType(Ontology ontology, Messages messages, String code) {
        if (code == null) {
            return null;
        }
        return ontology.concepts(LAR.Dokumenttyper.getURI()).stream()
                .filter(concept -> concept.iri().endsWith("/" + code))
                .findFirst().map(messages::label).orElse(code);
    }

    public static String visibility(Messages messages, Visibility visibility) {
        return messages.get("doc.visibility." + visibility.wireName());
    }

    public static String status(Messages messages, DocumentStatus status) {
        return messages.get("js.status." + status.name().toLowerCase(Locale.ROOT));
    }
}
