package org.lararena.ontology.store;

import java.util.Arrays;
import java.util.Locale;
import org.apache.jena.rdf.model.Resource;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaException;

/** The review state of an annotation. Only suggested and accepted annotations give a passage its concepts. */
public enum ReviewState {
    SUGGESTED(LAR.Suggested),
    ACCEPTED(LAR.Accepted),
    REJECTED(LAR.Rejected),
    RETRACTED(LAR.Retracted);

    private final Resource resource;

    ReviewState(Resource resource) {
        this.resource = resource;
    }

    /** The {@code lar:} resource of this state. */
    public Resource resource() {
        return resource;
    }

    /** The state as the API writes it: {@code suggested}, {@code accepted}, {@code rejected}, {@code retracted}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an annotation in this state counts for the passage's concepts in search. */
    public boolean isActive() {
        return this == SUGGESTED || this == ACCEPTED;
    }

    public static ReviewState of(Resource resource) {
        return Arrays.stream(values()).filter(s -> s.resource.equals(resource)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown review state " + resource));
    }

    /** Parses a wire name; a 400 naming the allowed values otherwise. */
    public static ReviewState parse(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> LararenaException.badRequest("state must be one of suggested, accepted, rejected, retracted (got '"
                        + wireName + "')"));
    }
}
