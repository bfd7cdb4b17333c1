package org.partnership.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain JUnit: the configuration is pure parsing, nothing starts. */
class StackConfigTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void shouldUseTheFixedPortsAndTheGitIgnoredDataDirectoryByDefault() {
        StackConfig config = StackConfig.fromEnvironment(REPO, Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/.data"));
        assertThat(config.port(StackPort.GATEWAY)).isEqualTo(8080);
        assertThat(config.port(StackPort.PARTNERS)).isEqualTo(8081);
        assertThat(config.port(StackPort.PROJECTS)).isEqualTo(8082);
        assertThat(config.port(StackPort.RESOURCES)).isEqualTo(8083);
        assertThat(config.port(StackPort.KEYCLOAK)).isEqualTo(8180);
        assertThat(config.port(StackPort.KEYCLOAK_MANAGEMENT)).isEqualTo(8181);
        assertThat(config.port(StackPort.POSTGRES)).isEqualTo(15432);
        assertThat(config.port(StackPort.KAFKA)).isEqualTo(19092);
        assertThat(config.port(StackPort.KAFKA_CONTROLLER)).isEqualTo(19093);
        assertThat(config.components()).containsExactlyInAnyOrder(Component.values());
        assertThat(config.demoData()).isTrue();
        assertThat(config.deleteDataDirOnClose()).isFalse();
        assertThat(config.logFile(Component.PARTNERS)).isEqualTo(Path.of("/repo/.data/logs/partners-service.log"));
        assertThat(config.serviceJar(Component.GATEWAY))
                .isEqualTo(Path.of("/repo/gateway/target/quarkus-app/quarkus-run.jar"));
        assertThat(config.realmFile()).isEqualTo(Path.of("/repo/keycloak/partnership-realm.json"));
    }

    @Test
    void shouldTakePortsDataDirectoryServicesAndDemoDataFromTheEnvironment() {
        StackConfig config = StackConfig.fromEnvironment(REPO, Map.of(
                "GATEWAY_PORT", "9080",
                "KAFKA_CONTROLLER_PORT", " 29093 ",
                "STACK_DATA_DIR", "tmp/stack-data",
                "STACK_SERVICES", "partners, gateway",
                "STACK_DEMO_DATA", "false"));

        assertThat(config.port(StackPort.GATEWAY)).isEqualTo(9080);
        assertThat(config.port(StackPort.KAFKA_CONTROLLER)).isEqualTo(29093);
        assertThat(config.port(StackPort.PARTNERS)).isEqualTo(8081);
        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/tmp/stack-data"));
        assertThat(config.services()).containsExactly(Component.PARTNERS, Component.GATEWAY);
        assertThat(config.components()).contains(Component.POSTGRES, Component.KAFKA, Component.KEYCLOAK);
        assertThat(config.demoData()).isFalse();
    }

    @Test
    void shouldStartOnlyTheInfrastructureWhenServicesAreNone() {
        StackConfig config = StackConfig.fromEnvironment(REPO, Map.of("STACK_SERVICES", "none"));

        assertThat(config.components()).containsExactlyInAnyOrder(Component.POSTGRES, Component.KAFKA, Component.KEYCLOAK,
                Component.MAIL);
        assertThat(config.portsToBind()).containsExactly(StackPort.POSTGRES, StackPort.KAFKA,
                StackPort.KAFKA_CONTROLLER, StackPort.KEYCLOAK, StackPort.KEYCLOAK_MANAGEMENT, StackPort.MAIL_SMTP,
                StackPort.MAIL_IMAP, StackPort.MAIL);
        assertThat(StackConfig.defaults(REPO).withoutServices().components()).isEqualTo(config.components());
    }

    @Test
    void shouldNotStartInfrastructureThatIsExternal() {
        StackConfig config = StackConfig.fromEnvironment(REPO, Map.of(
                "STACK_EXTERNAL_POSTGRES", "db.example.org:5432",
                "STACK_EXTERNAL_POSTGRES_USER", "app",
                "STACK_EXTERNAL_POSTGRES_PASSWORD", "secret",
                "STACK_EXTERNAL_KAFKA", "k1.example.org:9092,k2.example.org:9092",
                "STACK_EXTERNAL_KEYCLOAK", "https://sso.example.org/realms/partnership"));

        // GreenMail has no external variant: a local SMTP server for the demo, production sets quarkus.mailer
        java.util.Set<Component> expected = EnumSet.copyOf(Component.SERVICES);
        expected.add(Component.MAIL);
        assertThat(config.components()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(config.portsToBind()).containsExactly(StackPort.MAIL_SMTP, StackPort.MAIL_IMAP, StackPort.MAIL,
                StackPort.PARTNERS, StackPort.PROJECTS, StackPort.RESOURCES, StackPort.NOTIFICATIONS, StackPort.AUDIT,
                StackPort.GATEWAY, StackPort.CONSOLE);
        assertThat(config.external()).isEqualTo(new StackConfig.External("db.example.org:5432", "app", "secret",
                "k1.example.org:9092,k2.example.org:9092", "https://sso.example.org/realms/partnership"));
        // adding the component back does not start it while the external one is configured
        assertThat(config.withComponents(EnumSet.allOf(Component.class)).starts(Component.POSTGRES)).isFalse();
    }

    @Test
    void shouldNameTheVariableWhoseValueIsWrong() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("GATEWAY_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GATEWAY_PORT must be a port number (1-65535), not 'eighty'");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("POSTGRES_PORT", "70000")))
                .hasMessageStartingWith("POSTGRES_PORT must be a port number");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("STACK_SERVICES", "partners,billing")))
                .hasMessageContaining("STACK_SERVICES").hasMessageContaining("'billing'");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("STACK_SERVICES", "kafka")))
                .hasMessageContaining("STACK_SERVICES");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("STACK_DEMO_DATA", "maybe")))
                .hasMessage("STACK_DEMO_DATA must be true or false, not 'maybe'");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("STACK_EXTERNAL_POSTGRES", "postgresql://db/x")))
                .hasMessageStartingWith("STACK_EXTERNAL_POSTGRES must be host:port");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(REPO, Map.of("STACK_EXTERNAL_KEYCLOAK", "https://sso.example.org")))
                .hasMessageStartingWith("STACK_EXTERNAL_KEYCLOAK must be the realm URL");
    }

    @Test
    void shouldIgnoreBlankVariables() {
        StackConfig config = StackConfig.fromEnvironment(REPO, Map.of("GATEWAY_PORT", "", "STACK_SERVICES", " "));

        assertThat(config).isEqualTo(StackConfig.defaults(REPO));
    }

    @Test
    void shouldGiveAThrowawayStackDistinctFreePortsAndATemporaryDirectory() {
        StackConfig config = StackConfig.ephemeral(REPO);

        assertThat(new HashSet<>(config.ports().values())).hasSize(StackPort.values().length);
        assertThat(config.ports().values()).allSatisfy(port -> assertThat(Ports.inUse(port)).isFalse());
        assertThat(config.dataDir()).exists().isNotEqualTo(Path.of("/repo/.data"));
        assertThat(config.deleteDataDirOnClose()).isTrue();
        config.dataDir().toFile().delete();
    }

    @Test
    void shouldReadTheLaunchersOwnVariablesSoThatChildrenDoNotInheritThem() {
        assertThat(StackConfig.environmentVariables()).contains("GATEWAY_PORT", "KAFKA_PORT", "STACK_SERVICES",
                "STACK_EXTERNAL_KEYCLOAK").doesNotContain("KAFKA_BOOTSTRAP_SERVERS", "PATH");
    }
}
