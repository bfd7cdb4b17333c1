package org.partnership.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnership.messaging.probe.ProbeService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Benchmark (not part of the test suite; its name keeps Surefire from running it by default):
 * commit → on the topic → consumer effect, with the real PostgreSQL and Kafka broker.
 *
 * <pre>./mvnw -B -pl messaging -am test -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Phase 1 (latency, light load): 10,000 changes committed by one writer at a steady 200 per second; for each, the time from
 * its commit to the record's broker timestamp and to the consumer's effect. Phase 2 (throughput): 10,000 changes
 * committed by 8 concurrent writers; events per second from the first commit to the last effect. Results are
 * printed and written to {@code messaging/target/benchmarks/outbox.txt}.
 */
@QuarkusTest
class OutboxLatencyBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 10_000);
    /** Commits per second in the latency phase: a steady load, well below the throughput measured in phase 2. */
    private static final int RATE = Integer.getInteger("benchmark.rate", 200);

    @Inject
    ProbeService service;

    @Test
    void measure() throws Exception {
        warmUp();
        String latencyRun = "bench-latency-" + UUID.randomUUID();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        long paceNanos = 1_000_000_000L / RATE;
        long begin = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            long due = begin + i * paceNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            UUID id = Probes.create(service, latencyRun);
            committedAt.put(id.toString(), System.currentTimeMillis());
        }
        awaitEffects(latencyRun, EVENTS);
        Map<String, Long> effectAt = effectTimes(latencyRun);
        Map<String, Long> onTopicAt = new HashMap<>();
        for (ConsumerRecord<String, String> r : Probes.read("probe.v1", Duration.ofSeconds(60),
                records -> records.stream().filter(x -> committedAt.containsKey(x.key())).count() >= EVENTS)) {
            if (committedAt.containsKey(r.key())) {
                onTopicAt.put(r.key(), r.timestamp());
            }
        }
        List<Long> toTopic = new ArrayList<>();
        List<Long> toEffect = new ArrayList<>();
        committedAt.forEach((id, t) -> {
            toTopic.add(onTopicAt.get(id) - t);
            toEffect.add(effectAt.get(id) - t);
        });

        String throughputRun = "bench-throughput-" + UUID.randomUUID();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            writers.submit(() -> Probes.create(service, throughputRun));
        }
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.MINUTES);
        long committed = System.nanoTime();
        awaitEffects(throughputRun, EVENTS);
        long applied = System.nanoTime();

        String report = String.join(System.lineSeparator(),
                "outbox benchmark, " + EVENTS + " events (latency phase at " + RATE + "/s), " + Runtime.getRuntime().availableProcessors() + " cores, real PostgreSQL 17 + Kafka",
                "commit -> on topic (ms):        " + percentiles(toTopic),
                "commit -> consumer effect (ms): " + percentiles(toEffect),
                String.format("throughput (8 writers): %d events committed in %.1f s, all applied after %.1f s = %.0f events/s end to end",
                        EVENTS, (committed - start) / 1e9, (applied - start) / 1e9, EVENTS / ((applied - start) / 1e9)),
                "");
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "outbox.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        // every event's latency, one "to-topic to-effect" pair (ms) a line: bench/run-all draws the histograms from it
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < toTopic.size(); i++) {
            raw.append(toTopic.get(i)).append(' ').append(toEffect.get(i)).append('\n');
        }
        Files.writeString(out.resolveSibling("outbox-latencies.txt"), raw);
    }

    private void warmUp() throws Exception {
        String run = "bench-warmup-" + UUID.randomUUID();
        for (int i = 0; i < 500; i++) {
            Probes.create(service, run);
        }
        awaitEffects(run, 500);
    }

    private static void awaitEffects(String run, int expected) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> Probes.count(
                "select count(*) from probe_effect e join probe p on p.id::text = e.subject where p.name = ?", run) >= expected);
    }

    private static Map<String, Long> effectTimes(String run) throws Exception {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        Map<String, Long> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             var statement = c.prepareStatement("select e.subject, (extract(epoch from e.applied_at) * 1000)::bigint "
                     + "from probe_effect e join probe p on p.id::text = e.subject where p.name = ?")) {
            statement.setString(1, run);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return times;
    }

    private static String percentiles(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("p50 %d, p90 %d, p99 %d, max %d", at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

}
