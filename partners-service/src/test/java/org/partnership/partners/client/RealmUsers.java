package org.partnership.partners.client;

import io.quarkus.test.Mock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The realm's users in the {@code @QuarkusTest}s, which run without Keycloak (test-support starts none): tests put
 * the users a member may add here, with the token subject their test tokens carry. Looking up and linking users in
 * the real Keycloak is covered end to end ({@code PartnerGovernanceIT} in e2e).
 */
@Mock
@ApplicationScoped
public class RealmUsers extends UserDirectory {

    private static final Map<String, User> USERS = new ConcurrentHashMap<>();

    public RealmUsers() {
        super(null, "partnership");
    }

    /** A user of the realm with this username, e-mail address {@code <username>@example.org} and no partner. */
    public static void add(String username, String subject) {
        add(username, subject, null);
    }

    /** A user whose account already names {@code partner} (partner_id attribute). */
    public static void add(String username, String subject, UUID partner) {
        USERS.put(username.toLowerCase(Locale.ROOT), new User(subject, username, Optional.ofNullable(partner), username + "@example.org", null));
    }

    @Override
    public Uni<Optional<User>> find(String usernameOrEmail) {
        String wanted = usernameOrEmail.trim().toLowerCase(Locale.ROOT);
        String username = wanted.endsWith("@example.org") ? wanted.substring(0, wanted.length() - "@example.org".length()) : wanted;
        return Uni.createFrom().item(Optional.ofNullable(USERS.get(username)));
    }
}
