package org.partnership.stack;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the local stack can start, in start order; it stops them in the reverse order. */
public enum Component {

    POSTGRES("postgres", null),
    KAFKA("kafka", null),
    KEYCLOAK("keycloak", null),
    /** GreenMail: the local stack's SMTP/IMAP server with an HTTP view of the mailboxes (notifications' e-mail). */
    MAIL("greenmail", null),
    PARTNERS("partners-service", "partners"),
    PROJECTS("projects-service", "projects"),
    RESOURCES("resources-service", "resources"),
    NOTIFICATIONS("notifications-service", "notifications"),
    // audit: the platform's audit trail (#22), a consumer of every topic
    AUDIT("audit-service", "audit"),
    GATEWAY("gateway", null),
    CONSOLE("console", null);

    /** The backend services, started in parallel once the infrastructure is ready. */
    public static final List<Component> BACKENDS = List.of(PARTNERS, PROJECTS, RESOURCES, NOTIFICATIONS, AUDIT);

    /**
     * The services in the order they start: each stage starts in parallel once the infrastructure and the
     * previous stage are ready; they stop stage by stage in the reverse order. A new service goes into the
     * stage after the services it calls.
     */
    public static final List<List<Component>> SERVICE_STAGES = List.of(BACKENDS, List.of(GATEWAY), List.of(CONSOLE));

    /** The Quarkus services: the four of the API and the web console (which calls the API through the gateway). */
    public static final Set<Component> SERVICES = EnumSet.of(PARTNERS, PROJECTS, RESOURCES, NOTIFICATIONS, AUDIT, GATEWAY, CONSOLE);

    /** The infrastructure the services need. */
    public static final Set<Component> INFRASTRUCTURE = EnumSet.of(POSTGRES, KAFKA, KEYCLOAK, MAIL);

    private final String displayName;
    private final String database;

    Component(String displayName, String database) {
        this.displayName = displayName;
        this.database = database;
    }

    /** The name users see: in progress lines, log file names and errors. */
    public String displayName() {
        return displayName;
    }

    /** The service's own PostgreSQL database (and the stem of its topic), or null for the others. */
    public String database() {
        return database;
    }

    public boolean isService() {
        return SERVICES.contains(this);
    }

    /** The Maven module holding a service's build ({@code <module>/target/quarkus-app/quarkus-run.jar}). */
    public String module() {
        if (!isService()) {
            throw new IllegalStateException(displayName + " is not a service");
        }
        return displayName;
    }

    /** Parses a name as users write it: {@code partners}, {@code partners-service}, {@code PARTNERS}, {@code gateway}. */
    public static Component parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Component c : values()) {
            if (c.displayName.equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component '" + name + "' (one of postgres, kafka, keycloak, greenmail, "
                + "partners, projects, resources, notifications, audit, gateway, console)");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
