package org.partnership.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The library use of a future end-to-end suite: a throwaway stack on free ports, stopped by close(). */
class LocalStackTest {

    @Test
    void shouldStartAThrowawayStackAndLeaveNothingBehindOnClose() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        StackConfig config = StackConfig.ephemeral(repo).withComponents(EnumSet.of(Component.POSTGRES, Component.KAFKA));
        Path dataDir = config.dataDir();

        RunningStack stack = LocalStack.start(config, Progress.silent());
        try {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("projects"), PostgresServer.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("projects");
            }
            assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + config.port(StackPort.KAFKA));
            assertThat(Ports.accepting(config.port(StackPort.KAFKA))).isTrue();
            assertThat(stack.isAlive(Component.POSTGRES)).isTrue();
            assertThat(stack.isAlive(Component.KAFKA)).isTrue();
            assertThat(Files.readString(StackState.file(dataDir))).contains("child postgres", "child kafka");
            assertThat(dataDir.resolve("logs").resolve("kafka.log")).exists();
        } finally {
            stack.close();
        }

        assertThat(Ports.accepting(config.port(StackPort.POSTGRES))).isFalse();
        assertThat(Ports.accepting(config.port(StackPort.KAFKA))).isFalse();
        assertThat(Ports.accepting(config.port(StackPort.KAFKA_CONTROLLER))).isFalse();
        assertThat(dataDir).doesNotExist();
        stack.close(); // idempotent
    }
}
