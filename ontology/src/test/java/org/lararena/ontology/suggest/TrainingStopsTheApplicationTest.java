package org.lararena.ontology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.testing.ForkedJvm;

/** The start-up check behind the warning that training would stop the application: asked of JVMs started either way. */
class TrainingStopsTheApplicationTest {

    @Test
    void aJvmThatRunsEveryExplicitCollectionIsToldApart() throws Exception {
        assertThat(ForkedJvm.run(Probe.class, List.of())).containsExactly("stops the application: true");
        assertThat(ForkedJvm.run(Probe.class, List.of("-XX:+DisableExplicitGC"))).containsExactly("stops the application: false");
    }

    /** Prints what {@link SuggesterTraining#stopsTheApplication()} says in this JVM. */
    public static final class Probe {

        public static void main(String[] args) {
            System.out.println("stops the application: " + SuggesterTraining.stopsTheApplication());
        }
    }
}
