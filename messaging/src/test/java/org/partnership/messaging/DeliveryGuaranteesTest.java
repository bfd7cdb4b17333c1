package org.partnership.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.partnership.messaging.outbox.OutboxConfig;
import org.partnership.messaging.outbox.OutboxPublisher;
import org.partnership.messaging.outbox.OutboxRelay;
import org.partnership.messaging.probe.ProbeService;
import org.partnership.stack.KafkaBroker;
import org.partnership.testsupport.KafkaResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery with exactly-once effects: broker outages, redelivery of everything, competing relays.
 */
@QuarkusTest
class DeliveryGuaranteesTest {

    private static final String TOPIC = "probe.v1";

    @Inject
    ProbeService service;

    @Inject
    Pool pool;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void shouldDeliverEveryEventCommittedWhileTheBrokerWasDownExactlyOnce() {
        String run = "outage-" + UUID.randomUUID();
        KafkaBroker broker = KafkaResource.broker();
        broker.stop();
        try {
            for (int i = 0; i < 1000; i++) {
                Probes.create(service, run);
            }
            assertThat(Probes.count("select count(*) from outbox_event o join probe p on p.id::text = o.aggregate_id "
                    + "where p.name = ? and o.published_at is null", run)).isEqualTo(1000);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(503).body("checks.find { it.name == 'outbox-relay' }.status", org.hamcrest.Matchers.is("DOWN")));
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> effects(run) == 1000);
        assertThat(distinctEffects(run)).isEqualTo(1000);
        assertThat(Probes.count("select count(*) from outbox_event o join probe p on p.id::text = o.aggregate_id "
                + "where p.name = ? and o.published_at is null", run)).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void shouldHaveNoSecondEffectWhenTheWholeTopicIsRedelivered() {
        String run = "replay-" + UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            Probes.create(service, run);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(run) == 100);

        // What a consumer that crashed before committing its offsets gets: everything again, in order.
        List<ConsumerRecord<String, String>> all = Probes.read(TOPIC, Duration.ofSeconds(5), r -> false);
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Probes.bootstrap()),
                new StringSerializer(), new StringSerializer())) {
            all.forEach(r -> producer.send(new ProducerRecord<>(TOPIC, r.key(), r.value())));
        }
        UUID marker = Probes.create(service, run + "-marker");
        await().atMost(Duration.ofSeconds(60)).until(
                () -> Probes.count("select count(*) from probe_effect where subject = ?", marker.toString()) == 1);

        assertThat(effects(run)).isEqualTo(100);
        assertThat(distinctEffects(run)).isEqualTo(100);
    }

    @Test
    void shouldPublishEachEventOnceWithTwoRelaysOnOneDatabase() throws Exception {
        String run = "two-relays-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Probes.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new StringSerializer(), new StringSerializer())) {
            OutboxPublisher second = event -> Uni.createFrom().emitter(emitter -> producer.send(
                    new ProducerRecord<>(event.topic(), event.key(), event.payload()),
                    (metadata, failure) -> {
                        if (failure == null) {
                            emitter.complete(null);
                        } else {
                            emitter.fail(failure);
                        }
                    }));
            OutboxRelay secondRelay = new OutboxRelay("second", pool, second, config, registry);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread competitor = new Thread(() -> {
                while (writing.get()) {
                    secondRelay.trigger();
                    sleep(2);
                }
            });
            competitor.start();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                ids.add(Probes.create(service, run).toString());
            }
            writing.set(false);
            competitor.join();
            secondRelay.stop();

            await().atMost(Duration.ofSeconds(60)).until(() -> effects(run) == 300);
            List<ConsumerRecord<String, String>> published = Probes.read(TOPIC, Duration.ofSeconds(30),
                    r -> r.stream().filter(x -> ids.contains(x.key())).count() >= 300);
            Map<String, Long> perAggregate = published.stream().filter(r -> ids.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perAggregate).hasSize(300);
            assertThat(new ArrayList<>(perAggregate.values())).allMatch(count -> count == 1);
            assertThat(registry.get("outbox.published").tag("relay", "second").counter().count())
                    .as("the second relay took part").isPositive();
            assertThat(distinctEffects(run)).isEqualTo(300);
        }
    }

    private static long effects(String run) {
        return Probes.count("select count(*) from probe_effect e join probe p on p.id::text = e.subject where p.name = ?", run);
    }

    private static long distinctEffects(String run) {
        return Probes.count("select count(distinct e.event_id) from probe_effect e join probe p on p.id::text = e.subject "
                + "where p.name = ?", run);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
