package org.partnership.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.partnership.stack.RunningStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What "everything has settled" means on the running platform: no consumer group lags behind its topics, no outbox
 * row waits, no transaction is left open, and how many records the dead-letter topics hold.
 */
final class Quiescence {

    private final RunningStack stack;

    Quiescence(RunningStack stack) {
        this.stack = stack;
    }

    /** Each consumer group's lag (end offset minus committed offset, summed over its partitions). */
    Map<String, Long> consumerLag() {
        try (Admin admin = admin()) {
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(30, TimeUnit.SECONDS);
                lag.put(group.groupId(), committed.entrySet().stream()
                        .mapToLong(e -> ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset())).sum());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("could not read consumer lag: " + e.getMessage(), e);
        }
    }

    /** How many records each dead-letter topic ({@code *.dlq}) holds. */
    Map<String, Long> deadLetters() {
        try (Admin admin = admin()) {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq")).toList();
            Map<String, Long> counts = new TreeMap<>();
            for (String topic : topics) {
                var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions();
                Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
                counts.put(topic, admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                        .mapToLong(o -> o.offset()).sum());
            }
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the dead-letter topics: " + e.getMessage(), e);
        }
    }

    /** Every record of the dead-letter topics, as "topic key: reason", for a failure's message. */
    java.util.List<String> deadLetterRecords() {
        java.util.List<String> records = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "quiescence-" + java.util.UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"))) {
            consumer.subscribe(java.util.regex.Pattern.compile(".*\\.dlq"));
            long total = deadLetters().values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (records.size() < total && System.nanoTime() < deadline) {
                for (var r : consumer.poll(java.time.Duration.ofMillis(500))) {
                    var reason = r.headers().lastHeader("dead-letter-reason");
                    records.add(r.topic() + " " + r.key() + ": " + (reason == null ? "?" : new String(reason.value(),
                            java.nio.charset.StandardCharsets.UTF_8)) + " | " + r.value());
                }
            }
        }
        return records;
    }

    /** Outbox rows not yet published, per database of a service that publishes (audit-service only reads). */
    Map<String, Long> unpublishedOutbox() {
        Map<String, Long> waiting = new TreeMap<>();
        for (String database : RunningStack.DATABASES) {
            if (count(database, "select count(*) from pg_tables where schemaname = 'public' and tablename = 'outbox_event'") > 0) {
                waiting.put(database, count(database, "select count(*) from outbox_event where published_at is null"));
            }
        }
        return waiting;
    }

    /**
     * The services' sessions that sit in an open transaction with nothing to do for more than 5 s, as
     * "database pid: last statement": a transaction some abandoned request left behind (PostgreSQL ends one after a
     * minute, see messaging's configuration).
     */
    java.util.List<String> transactionsLeftOpen() {
        java.util.List<String> open = new java.util.ArrayList<>();
        try (Connection db = connect(RunningStack.DATABASES.get(0)); ResultSet rs = db.createStatement().executeQuery(
                "select datname, pid, left(query, 80) from pg_stat_activity where state like 'idle in transaction%' "
                        + "and now() - state_change > interval '5 seconds'")) {
            while (rs.next()) {
                open.add(rs.getString(1) + " " + rs.getInt(2) + ": " + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_activity: " + e.getMessage(), e);
        }
        return open;
    }

    long count(String database, String sql) {
        try (Connection db = connect(database); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.config().external().postgresUser(),
                stack.config().external().postgresPassword());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
}
