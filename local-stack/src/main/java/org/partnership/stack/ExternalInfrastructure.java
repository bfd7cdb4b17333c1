package org.partnership.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL, Kafka and Keycloak someone else runs ({@code STACK_EXTERNAL_*}): checks that each answers and
 * creates the databases and topics the services need where it may.
 */
final class ExternalInfrastructure {

    private final StackConfig config;
    private final Progress progress;
    private final StackAddresses addresses;

    ExternalInfrastructure(StackConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
        this.addresses = new StackAddresses(config);
    }

    void preparePostgres() {
        String url = "jdbc:postgresql://" + config.external().postgres() + "/postgres";
        progress.starting("postgres", "using external " + config.external().postgres());
        Properties props = new Properties();
        props.setProperty("user", config.external().postgresUser());
        props.setProperty("password", config.external().postgresPassword());
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(url, props)) {
            List<String> missing = new ArrayList<>();
            for (String db : RunningStack.DATABASES) {
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, db);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try {
                    c.createStatement().execute("create database " + db);
                } catch (SQLException e) {
                    missing.add(db);
                }
            }
            progress.ready("postgres", missing.isEmpty() ? "external " + config.external().postgres() + " ready (databases "
                    + String.join(", ", RunningStack.DATABASES) + ")"
                    : "warning: could not create " + String.join(", ", missing) + " on " + config.external().postgres()
                            + " \u2014 create them yourself");
        } catch (SQLException e) {
            throw new StackException("the external PostgreSQL " + config.external().postgres() + " ("
                    + StackConfig.EXTERNAL_POSTGRES_ENV + ") is not usable: " + e.getMessage(), e);
        }
    }

    void prepareKafka() {
        progress.starting("kafka", "using external " + config.external().kafka());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.external().kafka());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
            List<String> failedTopics = new ArrayList<>();
            var results = admin.createTopics(RunningStack.TOPICS.stream()
                    .map(t -> new NewTopic(t, Optional.of(RunningStack.TOPIC_PARTITIONS), Optional.empty())).toList())
                    .values();
            for (var r : results.entrySet()) {
                try {
                    r.getValue().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failedTopics.add(r.getKey());
                    }
                }
            }
            progress.ready("kafka", failedTopics.isEmpty()
                    ? "external " + config.external().kafka() + " ready (topics " + String.join(", ", RunningStack.TOPICS) + ")"
                    : "warning: could not create " + String.join(", ", failedTopics) + " \u2014 create them yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackAbortedException("kafka");
        } catch (Exception e) {
            throw new StackException("the external Kafka " + config.external().kafka() + " ("
                    + StackConfig.EXTERNAL_KAFKA_ENV + ") is not reachable: " + e.getMessage(), e);
        }
    }

    void checkKeycloak() {
        String issuer = addresses.issuer();
        String discovery = issuer + "/.well-known/openid-configuration";
        progress.starting("keycloak", "using external " + issuer);
        int status = Http.status(discovery);
        if (status != 200) {
            throw new StackException("the external Keycloak realm " + issuer + " (" + StackConfig.EXTERNAL_KEYCLOAK_ENV
                    + ") does not answer: GET " + discovery + " gave " + (status < 0 ? "no answer" : "HTTP " + status));
        }
        progress.ready("keycloak", "external " + issuer + " ready");
    }
}
