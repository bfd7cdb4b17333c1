package org.partnership.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.partnership.stack.KafkaBroker;

import java.util.Map;

/**
 * Starts one real Kafka broker per test JVM (single-node KRaft in a child JVM, 127.0.0.1, free ports) and points
 * the service's Kafka connector at it. Tests that need to stop and restart the broker (outages) use
 * {@link #broker()}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    /** The shared broker, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-stop"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
