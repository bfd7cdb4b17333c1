package org.partnership.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Starts the Quarkus services from their packaged jars, stage by stage ({@link Component#SERVICE_STAGES}), and
 * waits until each answers on {@code /q/health/ready}. What every service gets (its port, database, Kafka,
 * issuer) and what only one gets ({@link #ownOptions}) is decided here.
 */
final class ServiceStarter extends Starter {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    ServiceStarter(StackConfig config, Progress progress, StackState state, StartedComponents started,
            StartAbort abort, Set<String> unsetEnv) {
        super(config, progress, state, started, abort, unsetEnv);
    }

    @Override
    void start() {
        for (List<Component> stage : Component.SERVICE_STAGES) {
            Map<String, Callable<Void>> tasks = new LinkedHashMap<>();
            for (Component service : stage) {
                if (config.starts(service)) {
                    tasks.put(service.displayName(), () -> { start(service); return null; });
                }
            }
            ParallelStart.run(tasks, abort);
        }
    }

    /** Starts one service and waits until it is ready. */
    void start(Component service) {
        if (abort.requested()) {
            throw new StackAbortedException(service.displayName());
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                "-Dquarkus.http.host=" + Ports.LOOPBACK,
                "-Dquarkus.http.port=" + config.port(StackPort.of(service))));
        Map<String, String> env = new HashMap<>();
        if (service.database() != null) {
            command.add("-Dquarkus.datasource.reactive.url=" + addresses.reactiveUrl(service.database()));
            command.add("-Dquarkus.datasource.jdbc.url=" + addresses.jdbcUrl(service.database()));
            command.add("-Dquarkus.datasource.username=" + (config.starts(Component.POSTGRES)
                    ? PostgresServer.USER : config.external().postgresUser()));
            // the password goes through the environment, not the command line anyone can read with ps
            env.put("QUARKUS_DATASOURCE_PASSWORD", config.starts(Component.POSTGRES)
                    ? "postgres" : config.external().postgresPassword());
            command.add("-Dkafka.bootstrap.servers=" + addresses.servicesKafkaBootstrapServers());
        }
        command.add("-Dquarkus.oidc.auth-server-url=" + addresses.issuer());
        // partners-service links verified partners' users through Keycloak's admin API
        command.add("-Dpartnership.keycloak.url=" + addresses.issuer().replaceFirst("/realms/.*$", ""));
        command.addAll(MEMORY);
        command.addAll(ownOptions(service));
        List<String> archive = config.deleteDataDirOnClose()
                // AppCDS for ./stack start; a throwaway stack (the e2e suites) runs freshly packaged jars once: none
                ? List.of() : ClassDataArchive.options(ChildProcess.javaExecutable(), config.serviceJar(service));
        command.addAll(archive);
        command.add("-jar");
        command.add(config.serviceJar(service).toString());

        String url = addresses.url(service);
        progress.starting(service.displayName(), "starting on " + url);
        ChildProcess process = ChildProcess.startDetached(service.displayName(), command, config.dataDir(), env,
                unsetEnv, LogFiles.rotated(config, service));
        // a JVM that writes its class-data archive at exit (the first stop after a build) needs longer to stop
        boolean writesArchive = archive.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        started.add(service, writesArchive ? () -> ChildProcess.stop(process.handle(), ClassDataArchive.WRITE_GRACE) : process,
                process);
        state.addChild(service.displayName(), process.handle(), "TERM");
        String health = url + "/q/health/ready";
        state.addHealth(service.displayName(), health);
        Readiness.await(service.displayName(), process, health, READY_TIMEOUT, abort::requested);
        progress.ready(service.displayName(), "ready on " + url);
    }

    /**
     * Heap and collector as a small container gets them (in k8s a 1-CPU limit makes the JVM pick the serial collector):
     * uncapped, a JVM takes up to a quarter of the machine's memory and G1 grows into it. bench/run-all's gateway
     * rounds on 2 cores (issue #25): partners-service 906-946 MiB after the load with the JVM's defaults, 333 MiB
     * with these; the gateway 502-519 -> 213 MiB; requests/s and p99 unchanged within the rounds' spread.
     */
    static final List<String> MEMORY = List.of("-XX:+UseSerialGC", "-Xmx128m");

    /** The settings only one service needs. */
    private List<String> ownOptions(Component service) {
        return switch (service) {
            case GATEWAY -> java.util.stream.Stream.concat(Component.BACKENDS.stream()
                    .map(backend -> "-Dgateway.upstreams." + backend.database() + "=" + addresses.upstreamUrl(backend)),
                    // the console's pages behind the only public entry (none routed when the console is not started)
                    java.util.stream.Stream.of("-Dconsole.url=" + (config.starts(Component.CONSOLE) ? addresses.url(Component.CONSOLE) : "")))
                    .toList();
            // the console calls the public API through the gateway, with the signed-in user's token
            case CONSOLE -> List.of("-Dconsole.api-url=" + addresses.url(Component.GATEWAY));
            case PARTNERS -> List.of("-Dpartnership.demo-data.enabled=" + config.demoData());
            // e-mail to the stack's GreenMail; links in it point at the console behind the gateway
            case NOTIFICATIONS -> List.of("-Dquarkus.mailer.host=" + Ports.LOOPBACK,
                    "-Dquarkus.mailer.port=" + config.port(StackPort.MAIL_SMTP),
                    "-Dpartnership.public-url=" + addresses.localhost(Component.GATEWAY));
            default -> List.of();
        };
    }
}
