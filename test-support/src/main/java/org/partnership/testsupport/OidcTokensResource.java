package org.partnership.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Makes the service verify tokens signed by {@link Tokens}: the test public key, issuer and audience, with no
 * identity provider to reach. Signature, issuer, audience and expiry are checked exactly as in production.
 */
public class OidcTokensResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", Tokens.publicKeyBase64(),
                "quarkus.oidc.token.issuer", Tokens.ISSUER,
                "quarkus.oidc.token.audience", Tokens.AUDIENCE);
    }

    @Override
    public void stop() {
    }
}
