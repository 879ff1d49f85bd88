package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Many invalid tokens from one address are answered with 429 until the minute has passed, a valid token from that
 * address too. An application of its own: the limit it reaches would refuse every other test's requests from this
 * machine for that minute.
 */
@WithApplication
class TokenGuessingIsSlowedDownIT {

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;

    @Test
    void manyInvalidTokensFromOneAddressAreSlowedDownWith429() throws Exception {
        int lastStatus = 0;
        for (int i = 0; i < 31; i++) {
            lastStatus = app.get("/api/documents", "forged-token-" + i).statusCode();
        }
        HttpResponse<String> evenValid = app.get("/api/documents", researcher);

        assertThat(lastStatus).isEqualTo(429);
        assertThat(evenValid.statusCode()).isEqualTo(429);
        assertThat(evenValid.headers().firstValue("Retry-After")).isPresent();
    }
}
