package org.lararena.ontology.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One coder's layer of a document: every annotation with the state that coder gave it (docs/team-coding.md).
 * <ul>
 *   <li>A retracted annotation is retracted for everyone.</li>
 *   <li>A researcher sees the annotator's suggestions and their colleagues' tags in the state they last chose, or
 *       {@code suggested} while they have not decided (a colleague's tag is a suggestion to them).</li>
 *   <li>The annotator's layer is its own suggestions, whatever the researchers decided: suggested while a run still
 *       makes them.</li>
 *   <li>The consensus layer ({@value #CONSENSUS}) is the document's consensus: accepted where it keeps an
 *       annotation, else rejected (retracted stays retracted).</li>
 * </ul>
 */
public final class CoderView {

    /** The consensus layer's name where coders are named ({@code ?coder=}); it wins over a researcher of that name. */
    public static final String CONSENSUS = "consensus";

    private CoderView() {
    }

    /** The annotations as the consensus settles them: accepted where it keeps one, else rejected; retracted stays retracted. */
    public static List<StoredAnnotation> ofConsensus(List<StoredAnnotation> annotations, Consensus consensus) {
        List<StoredAnnotation> view = new ArrayList<>();
        for (StoredAnnotation annotation : annotations) {
            ReviewState state = annotation.state() == ReviewState.RETRACTED ? ReviewState.RETRACTED
                    : consensus.annotationIds().contains(annotation.id()) ? ReviewState.ACCEPTED : ReviewState.REJECTED;
            view.add(annotation.withState(state));
        }
        return view;
    }

    /** The annotations as {@code coder} sees them; for the annotator only its own suggestions. */
    public static List<StoredAnnotation> of(List<StoredAnnotation> annotations, Map<String, List<Decision>> decisions, String coder) {
        List<StoredAnnotation> view = new ArrayList<>();
        boolean annotator = AnnotationIris.ANNOTATOR_CODER.equals(coder);
        for (StoredAnnotation annotation : annotations) {
            if (annotator && annotation.manual()) {
                continue;
            }
            Optional<Decision> own = decisions.getOrDefault(annotation.id(), List.of()).stream()
                    .filter(d -> d.coder().equals(coder)).findFirst();
            ReviewState state;
            if (annotator) {
                state = own.map(Decision::state).orElse(ReviewState.SUGGESTED);
            } else if (annotation.state() == ReviewState.RETRACTED) {
                state = ReviewState.RETRACTED;
            } else {
                state = own.map(Decision::state).orElse(ReviewState.SUGGESTED);
            }
            view.add(annotation.withState(state));
        }
        return view;
    }

    /** Whether the coder applied the annotation's concept in their layer (accepted it; for the annotator: suggests it). */
    public static boolean applied(StoredAnnotation inView, String coder) {
        return AnnotationIris.ANNOTATOR_CODER.equals(coder) ? inView.state() == ReviewState.SUGGESTED
                : inView.state() == ReviewState.ACCEPTED;
    }
}
