package org.partnership.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnership.gateway.config.GatewayConfig;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Verifies bearer tokens with Quarkus OIDC (signature against the realm's JWKS with key rotation, issuer,
 * audience, expiry with the configured skew, algorithm) and remembers each verified token until it expires, in a
 * bounded cache: a token's signature is checked once, not on every request.
 */
@Singleton
public class TokenVerifier {

    /** What the gateway needs of a verified token. */
    public record Caller(String subject, Set<String> roles, long expiresAtEpochSecond) {
    }

    /**
     * A verified token as a cache key: hashed on the tail of its signature (random bytes), compared whole. A String
     * key hashed all ~1.4 KB of every request's token again (a header value is a new String each time).
     */
    private record Key(String token) {
        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = Math.max(0, token.length() - 32); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.token.equals(token);
        }
    }

    private final TenantIdentityProvider identities;
    private final Cache<Key, Caller> verified;

    public TokenVerifier(TenantIdentityProvider identities, GatewayConfig config) {
        this.identities = identities;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.tokenCacheSize())
                // upkeep on the calling event loop: handing it to the common pool woke another thread every few requests
                .executor(Runnable::run)
                .expireAfter(new Expiry<Key, Caller>() {
                    @Override
                    public long expireAfterCreate(Key token, Caller caller, long currentTime) {
                        long seconds = caller.expiresAtEpochSecond() - System.currentTimeMillis() / 1000;
                        return TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
                    }

                    @Override
                    public long expireAfterUpdate(Key token, Caller caller, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(Key token, Caller caller, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The caller of a token verified before and not expired yet, or null: the hot path, without any Uni. */
    public Caller cached(String token) {
        Caller known = verified.getIfPresent(new Key(token));
        return known != null && known.expiresAtEpochSecond() > System.currentTimeMillis() / 1000 ? known : null;
    }

    /** The caller the token proves, or a failure when it is not a valid access token of the realm. */
    public Uni<Caller> verify(String token) {
        Caller known = cached(token);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return identities.authenticate(new AccessTokenCredential(token)).map(identity -> {
            Caller caller = toCaller(identity);
            verified.put(new Key(token), caller);
            return caller;
        });
    }

    private static Caller toCaller(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        return new Caller(jwt.getSubject(), identity.getRoles(), jwt.getExpirationTime());
    }
}
