package org.partnership.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A well-formed RS256 access token for the realm's issuer, signed by a key pair made up on the spot: its {@code kid}
 * is in no key set, so whoever verifies it has to look for new keys, and must refuse it.
 */
final class ForgedToken {

    private ForgedToken() {
    }

    static String signedByAnUnknownKey(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown-" + UUID.randomUUID() + "\"}";
            String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"aud\":\"account\","
                    + "\"azp\":\"partnership-cli\",\"typ\":\"Bearer\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                    + ",\"realm_access\":{\"roles\":[\"admin\"]},\"preferred_username\":\"mallory\"}";
            String signingInput = base64(header) + "." + base64(payload);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException | java.security.SignatureException e) {
            throw new IllegalStateException("could not sign a token: " + e.getMessage(), e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
