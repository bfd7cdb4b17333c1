package org.partnership.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Starts the launcher's own PostgreSQL, Kafka and Keycloak in parallel (databases, topics and realm included),
 * or prepares the external ones the configuration names ({@link ExternalInfrastructure}).
 */
final class InfrastructureStarter extends Starter {

    InfrastructureStarter(StackConfig config, Progress progress, StackState state, StartedComponents started,
            StartAbort abort, Set<String> unsetEnv) {
        super(config, progress, state, started, abort, unsetEnv);
    }

    @Override
    void start() {
        ExternalInfrastructure external = new ExternalInfrastructure(config, progress);
        Map<String, Callable<Void>> tasks = new LinkedHashMap<>();
        if (config.starts(Component.POSTGRES)) {
            tasks.put("postgres", () -> { startPostgres(); return null; });
        } else if (config.external().postgres() != null && needsDatabase()) {
            tasks.put("postgres", () -> { external.preparePostgres(); return null; });
        }
        if (config.starts(Component.KAFKA)) {
            tasks.put("kafka", () -> { startKafka(); return null; });
        } else if (config.external().kafka() != null && needsDatabase()) {
            tasks.put("kafka", () -> { external.prepareKafka(); return null; });
        }
        if (config.starts(Component.KEYCLOAK)) {
            tasks.put("keycloak", () -> { startKeycloak(); return null; });
        } else if (config.external().keycloakRealmUrl() != null && !config.services().isEmpty()) {
            tasks.put("keycloak", () -> { external.checkKeycloak(); return null; });
        }
        if (config.starts(Component.MAIL)) {
            tasks.put("greenmail", () -> { startMail(); return null; });
        }
        ParallelStart.run(tasks, abort);
    }

    /** Starts one of the launcher's own infrastructure components again, on the same ports and data. */
    void start(Component component) {
        switch (component) {
            case POSTGRES -> startPostgres();
            case KAFKA -> startKafka();
            case KEYCLOAK -> startKeycloak();
            case MAIL -> startMail();
            default -> throw new IllegalArgumentException(component + " is not infrastructure");
        }
    }

    private boolean needsDatabase() {
        return config.services().stream().anyMatch(s -> s.database() != null);
    }

    private void startPostgres() {
        Path dir = config.dataDir().resolve("postgres");
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        int port = config.port(StackPort.POSTGRES);
        progress.starting("postgres", "starting on " + Ports.LOOPBACK + ":" + port + " ("
                + (fresh ? "new data directory " : "data ") + addresses.display(dir) + ")");
        PostgresServer pg = PostgresServer.start(port, dir, LogFiles.rotated(config, Component.POSTGRES), false);
        started.addPostgres(pg);
        pg.postmaster().ifPresent(h -> state.addChild("postgres", h, "INT"));
        state.addHealth("postgres", "tcp://" + Ports.LOOPBACK + ":" + port);
        RunningStack.DATABASES.forEach(pg::ensureDatabase);
        progress.ready("postgres", "ready on " + Ports.LOOPBACK + ":" + port + " (databases "
                + String.join(", ", RunningStack.DATABASES) + ")");
    }

    private void startKafka() {
        int port = config.port(StackPort.KAFKA);
        progress.starting("kafka", "starting on " + Ports.LOOPBACK + ":" + port + " (controller "
                + config.port(StackPort.KAFKA_CONTROLLER) + ", data "
                + addresses.display(config.dataDir().resolve("kafka")) + ")");
        KafkaBroker kafka = KafkaBroker.start(port, config.port(StackPort.KAFKA_CONTROLLER),
                config.dataDir().resolve("kafka"), LogFiles.rotated(config, Component.KAFKA), true,
                config.faultProxies() ? new KafkaBroker.ProxiedListener(config.port(StackPort.KAFKA_FAULT_LISTENER),
                        config.port(StackPort.KAFKA_FAULT_PROXY)) : null);
        started.add(Component.KAFKA, kafka, kafka.process().orElse(null));
        kafka.process().ifPresent(p -> state.addChild("kafka", p.handle(), "TERM"));
        state.addHealth("kafka", "tcp://" + Ports.LOOPBACK + ":" + port);
        kafka.createTopics(RunningStack.TOPICS, RunningStack.TOPIC_PARTITIONS);
        progress.ready("kafka", "ready on " + kafka.bootstrapServers() + " (topics "
                + String.join(", ", RunningStack.TOPICS) + ")");
    }

    /** GreenMail: SMTP and IMAP for notifications-service's e-mail, and the web/API view of the mailboxes. */
    private void startMail() {
        int api = config.port(StackPort.MAIL);
        progress.starting("greenmail", "starting SMTP on " + Ports.LOOPBACK + ":" + config.port(StackPort.MAIL_SMTP)
                + ", IMAP " + config.port(StackPort.MAIL_IMAP) + ", web/API " + api);
        GreenMailServer mail = GreenMailServer.launch(config.port(StackPort.MAIL_SMTP), config.port(StackPort.MAIL_IMAP), api,
                LogFiles.rotated(config, Component.MAIL));
        started.add(Component.MAIL, mail, mail.process());
        state.addChild("greenmail", mail.process().handle(), "TERM");
        state.addHealth("greenmail", mail.apiUrl() + "/api/service/readiness");
        mail.awaitReady(abort::requested);
        progress.ready("greenmail", "ready: mailboxes at " + mail.apiUrl() + " (demo only: accepts mail for every address)");
    }

    private void startKeycloak() {
        Path dir = config.dataDir().resolve("keycloak");
        String version = KeycloakServer.stackProperties().getProperty("keycloak.version");
        boolean unpacked = Files.isDirectory(dir.resolve("keycloak-" + version));
        if (!unpacked) {
            progress.line("keycloak", "unpacking Keycloak " + version + " into " + addresses.display(dir));
        }
        Path home = KeycloakServer.install(dir);
        boolean firstStart = !KeycloakServer.hasData(home);
        if (KeycloakServer.importRealm(home, config.realmFile())) {
            progress.line("keycloak", "note: " + addresses.display(config.realmFile())
                    + " changed since the realm was imported;" + " Keycloak keeps the imported one \u2014 delete "
                    + addresses.display(home.resolve("data").resolve("h2")) + " to import it again");
        }
        int port = config.port(StackPort.KEYCLOAK);
        progress.starting("keycloak", "starting on " + Ports.LOOPBACK + ":" + port + " (management "
                + config.port(StackPort.KEYCLOAK_MANAGEMENT) + (firstStart
                        ? "; first start builds Keycloak and imports the realm, ~40 s)" : ")"));
        KeycloakServer keycloak = KeycloakServer.launch(port, config.port(StackPort.KEYCLOAK_MANAGEMENT), home,
                LogFiles.rotated(config, Component.KEYCLOAK), unsetEnv);
        started.add(Component.KEYCLOAK, keycloak, keycloak.process());
        state.addChild("keycloak", keycloak.process().handle(), "TERM");
        state.addHealth("keycloak", keycloak.healthUrl());
        keycloak.awaitReady(abort::requested);
        progress.ready("keycloak", "ready on " + keycloak.url() + " (realm " + KeycloakServer.REALM + ")");
    }
}
