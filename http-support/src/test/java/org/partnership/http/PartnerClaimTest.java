package org.partnership.http;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerClaimTest {

    @Test
    void shouldReadThePartnerATokenNames() {
        UUID partner = UUID.randomUUID();
        assertThat(PartnerClaim.of(token(Map.of("partner_id", partner.toString())))).contains(partner);
        assertThat(PartnerClaim.of(token(Map.of("partner_id", "\"" + partner + "\"")))).contains(partner); // a JSON string value
    }

    @Test
    void shouldNameNoPartnerWithoutAValidClaim() {
        assertThat(PartnerClaim.of(token(Map.of()))).isEmpty();
        assertThat(PartnerClaim.of(token(Map.of("partner_id", "not-a-uuid")))).isEmpty();
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) all.get(name);
            }
        };
    }
}
