package org.lararena.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;

class ParamsTest {

    @Test
    void aWholeNumberInItsBoundsOrTheDefaultWhenAbsentAndOtherwiseA400NamingTheParameter() {
        assertThat(Params.intParam(null, "count", 500, 1, 500)).isEqualTo(500);
        assertThat(Params.intParam(" 20 ", "count", 500, 1, 500)).isEqualTo(20);
        assertThatThrownBy(() -> Params.intParam("501", "count", 500, 1, 500)).isInstanceOf(LararenaException.class)
                .hasMessage("count must be between 1 and 500 (got 501)");
        assertThatThrownBy(() -> Params.intParam("tjugo", "count", 500, 1, 500)).hasMessage("count must be a whole number (got 'tjugo')");
    }

    @Test
    void trueOrFalseOrTheDefaultWhenAbsentAndOtherwiseA400NamingTheParameter() {
        assertThat(Params.booleanParam(null, "annotator", true)).isTrue();
        assertThat(Params.booleanParam("false", "annotator", true)).isFalse();
        assertThat(Params.booleanParam("true", "annotator", false)).isTrue();
        assertThatThrownBy(() -> Params.booleanParam("nej", "annotator", true)).isInstanceOf(LararenaException.class)
                .hasMessage("annotator must be true or false (got 'nej')");
    }
}
