package org.partnership.http;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.credential.TokenCredential;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
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

    @Test
    void shouldReadThePartnerOfATokenVerifiedByQuarkusOidc() {
        UUID partner = UUID.randomUUID();
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        assertThat(PartnerClaim.of(new OidcJwtCallerPrincipal(claims, new TokenCredential("raw", "bearer")))).isEmpty();
        claims.setClaim("partner_id", partner.toString());
        assertThat(PartnerClaim.of(new OidcJwtCallerPrincipal(claims, new TokenCredential("raw", "bearer")))).contains(partner);
        claims.setClaim("partner_id", "not-a-uuid");
        assertThat(PartnerClaim.of(new OidcJwtCallerPrincipal(claims, new TokenCredential("raw", "bearer")))).isEmpty();
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
