package org.partnership.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the zonky binaries, bound to 127.0.0.1. The superuser is {@code postgres}
 * (local trust authentication); each service gets its own database.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on the port with its data in {@code dataDir}; the directory is kept between runs, so a
     * second start reuses the data.
     */
    public static PostgresServer start(int port, Path dataDir, Path logFile) {
        return start(port, dataDir, logFile, true);
    }

    /**
     * As {@link #start(int, Path, Path)}; without the shutdown hook the caller alone stops the server (the local
     * stack launcher does, after the services that use it).
     */
    public static PostgresServer start(int port, Path dataDir, Path logFile, boolean registerShutdownHook) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(registerShutdownHook)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new PostgresServer(postgres, port, dataDir);
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on " + Ports.LOOPBACK + ":" + port + " (data in "
                    + dataDir + "): " + e.getMessage(), e);
        }
    }

    /** A throwaway server on a free port with a fresh data directory that is deleted on close (for tests). */
    public static PostgresServer startEphemeral() {
        int port = Ports.free();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new PostgresServer(postgres, port, null);
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on " + Ports.LOOPBACK + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The postmaster's process, read from {@code postmaster.pid} (it is not a child of this JVM: pg_ctl detaches it). */
    public java.util.Optional<ProcessHandle> postmaster() {
        if (dataDir == null) {
            return java.util.Optional.empty();
        }
        try {
            String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new StackException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    /** The URL form the Quarkus reactive PostgreSQL client expects. */
    public String reactiveUrl(String database) {
        return "postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
