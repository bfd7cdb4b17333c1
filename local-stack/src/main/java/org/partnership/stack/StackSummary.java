package org.partnership.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The table printed once everything is ready: URLs, demo logins, how to get a token. */
final class StackSummary {

    private final StackConfig config;
    private final StackAddresses addresses;

    StackSummary(StackConfig config) {
        this.config = config;
        this.addresses = new StackAddresses(config);
    }

    String render(double readySeconds) {
        StringBuilder s = new StringBuilder();
        String line = "-".repeat(100);
        s.append(line).append('\n');
        s.append(String.format(Locale.ROOT, "Partnership local stack is up (%.1f s). Data: %s  Logs: %s%n",
                readySeconds, addresses.display(config.dataDir()), addresses.display(config.logDir())));
        s.append('\n');
        row(s, "component", "URL", "more");
        for (Component service : servicesFrontFirst()) {
            if (config.starts(service) && service == Component.CONSOLE && config.starts(Component.GATEWAY)) {
                row(s, "console", addresses.localhost(Component.GATEWAY) + "/console",
                        "the web console: open it and sign in as a demo user (below)");
            } else if (config.starts(service)) {
                row(s, service.displayName(), addresses.localhost(service), more(service));
            }
        }
        if (config.starts(Component.KEYCLOAK)) {
            row(s, "keycloak", addresses.keycloakUrl(), "admin console " + addresses.keycloakUrl()
                    + "/admin/  (admin / admin, DEMO ONLY)");
        } else if (config.external().keycloakRealmUrl() != null) {
            row(s, "keycloak", addresses.keycloakUrl(), "external, realm " + addresses.issuer());
        }
        if (config.starts(Component.MAIL)) {
            row(s, "greenmail", "http://localhost:" + config.port(StackPort.MAIL), "e-mail sent by the platform (web/API; DEMO ONLY); SMTP "
                    + config.port(StackPort.MAIL_SMTP) + ", IMAP " + config.port(StackPort.MAIL_IMAP));
        }
        if (config.starts(Component.POSTGRES) || config.external().postgres() != null) {
            row(s, "postgres", addresses.jdbcUrl("<db>"), "databases " + String.join(", ", RunningStack.DATABASES)
                    + "; user " + (config.starts(Component.POSTGRES) ? PostgresServer.USER : config.external().postgresUser())
                    + (config.starts(Component.POSTGRES) ? "" : " (external)"));
        }
        if (config.starts(Component.KAFKA) || config.external().kafka() != null) {
            row(s, "kafka", addresses.kafkaBootstrapServers(), "topics " + String.join(", ", RunningStack.TOPICS)
                    + (config.starts(Component.KAFKA) ? "" : " (external)"));
        }
        if (config.starts(Component.KEYCLOAK)) {
            s.append('\n');
            s.append("Demo users, password \"" + RunningStack.DEMO_PASSWORD + "\" (DEMO ONLY): ")
                    .append(String.join(", ", RunningStack.DEMO_USERS)).append('\n');
            s.append("A token:  curl -s -d grant_type=password -d client_id=" + RunningStack.CLI_CLIENT
                    + " -d username=tom.foodbank -d password=" + RunningStack.DEMO_PASSWORD + " "
                    + addresses.tokenUrl()).append('\n');
        }
        if (config.services().isEmpty()) {
            s.append('\n').append("No services started (infrastructure only).").append('\n');
        }
        s.append(line);
        return s.toString();
    }

    /** The services, the ones people open first (the last stage: the gateway) at the top. */
    private static List<Component> servicesFrontFirst() {
        List<List<Component>> stages = new ArrayList<>(Component.SERVICE_STAGES);
        Collections.reverse(stages);
        return stages.stream().flatMap(List::stream).toList();
    }

    private String more(Component service) {
        String url = addresses.localhost(service);
        return switch (service) {
            case GATEWAY -> "the public API: " + url + "/api/v1/...";
            case CONSOLE -> "the web console: open it and sign in as a demo user (below)";
            default -> "API description " + url + "/q/openapi";
        };
    }

    private static void row(StringBuilder s, String name, String url, String more) {
        s.append(String.format(Locale.ROOT, "  %-18s %-40s %s%n", name, url, more));
    }
}
