package org.partnership.testsupport;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;

/**
 * Signed access tokens shaped like the ones Keycloak issues for the {@code partnership} realm: RS256, issuer,
 * audience {@code partnership-api}, realm roles under {@code realm_access.roles}, and the {@code partner_id}
 * claim. Signed with the TEST-ONLY key in {@code test-keys/}; services trust it only through
 * {@link OidcTokensResource}.
 *
 * <pre>{@code given().auth().oauth2(Tokens.partnerRep(partnerId)) ... }</pre>
 */
public final class Tokens {

    public static final String ISSUER = "https://keycloak.test/realms/partnership";
    public static final String AUDIENCE = "partnership-api";
    public static final String KEY_ID = "test-only-key";

    private static final PrivateKey SIGNING_KEY = readPrivateKey("test-keys/test-only-signing-key.pem");
    private static final PrivateKey FORGER_KEY = readPrivateKey("test-keys/test-only-forger-key.pem");

    private Tokens() {
    }

    public static String coordinator(UUID partnerId) {
        return user("coordinator-" + partnerId).roles("coordinator", "partner-rep").partner(partnerId).sign();
    }

    public static String partnerRep(UUID partnerId) {
        return user("rep-" + partnerId).roles("partner-rep").partner(partnerId).sign();
    }

    public static String admin() {
        return user("admin").roles("admin").sign();
    }

    public static String auditor() {
        return user("auditor").roles("auditor").sign();
    }

    /** An authenticated user with no role and no partner yet (e.g. someone about to register an organisation). */
    public static String newcomer(String username) {
        return user(username).sign();
    }

    /** A JSON request to the service under test carrying the token: {@code as(Tokens.admin()).get(...)}. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Starts a token for a user; the subject is a stable UUID derived from the username. */
    public static Builder user(String username) {
        return new Builder(username);
    }

    /** The verification key in the form {@code quarkus.oidc.public-key} expects (base64 DER). */
    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKeyOf(SIGNING_KEY).getEncoded());
    }

    public static final class Builder {
        private final String username;
        private String subject;
        private final List<String> roles = new ArrayList<>();
        private UUID partnerId;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private Instant notBefore;
        private PrivateKey key = SIGNING_KEY;

        private Builder(String username) {
            this.username = username;
            this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Builder partner(UUID partnerId) {
            this.partnerId = partnerId;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Issued {@code ago} in the past and valid for {@code lifetime}: use a negative end for expired tokens. */
        public Builder issuedAgo(Duration ago, Duration lifetime) {
            this.issuedAt = Instant.now().minus(ago);
            this.lifetime = lifetime;
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        /** Signs with a key the services do not trust: right claims, forged signature. */
        public Builder forged() {
            this.key = FORGER_KEY;
            return this;
        }

        public String subject() {
            return subject;
        }

        public String sign() {
            return claims().jws().keyId(KEY_ID).sign(key);
        }

        /** The same claims with {@code "alg":"none"} and no signature: must always be rejected. */
        public String unsigned() {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = sign().split("\\.")[1];
            return header + "." + payload + ".";
        }

        /**
         * The same claims "signed" with HS256 using the realm's PUBLIC key (PEM text) as the HMAC secret: the classic
         * algorithm-confusion forgery, which a verifier that lets the token pick its algorithm would accept.
         */
        public String hmacWithPublicKey() {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            String signingInput = header + "." + sign().split("\\.")[1];
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(Base64.getDecoder().decode(publicKeyBase64())) + "\n-----END PUBLIC KEY-----\n";
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
                return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private JwtClaimsBuilder claims() {
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(subject)
                    .issuedAt(issuedAt)
                    .expiresAt(issuedAt.plus(lifetime))
                    .claim("typ", "Bearer")
                    .claim("azp", "partnership-cli")
                    .claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)));
            if (notBefore != null) {
                claims.claim("nbf", notBefore.getEpochSecond());
            }
            if (partnerId != null) {
                claims.claim("partner_id", partnerId.toString());
            }
            return claims;
        }
    }

    private static PrivateKey readPrivateKey(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("unreadable test key " + resource, e);
        }
    }

    private static PublicKey publicKeyOf(PrivateKey key) {
        try {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
