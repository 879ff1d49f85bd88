package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DemoLoginsTest {

    @Test
    void theBannerNamesEveryLoginOfTheShippedRealmWithItsPasswordAndRoles() {
        String banner = DemoLogins.describe(DemoLogins.ofShippedRealm());

        assertThat(banner).isEqualTo("forskare/forskare (researcher), forskare2/forskare2 (researcher, data-steward), "
                + "forskare3/forskare3 (researcher), pilot/pilot (pilot, Värmland), deltagare/deltagare (attendee), admin/admin (admin)");
    }

    @Test
    void aUserWithoutAPasswordIsNoLogin() throws Exception {
        var realm = new ObjectMapper().readTree("""
                {"users": [
                  {"username": "extern", "realmRoles": ["researcher"]},
                  {"username": "ny", "realmRoles": ["attendee"], "credentials": [{"type": "password", "value": "hemligt"}]}
                ]}""");

        assertThat(DemoLogins.of(realm)).extracting(DemoLogins.DemoLogin::describe).containsExactly("ny/hemligt (attendee)");
    }
}
