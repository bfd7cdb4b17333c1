package org.partnership.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.partnership.testsupport.KafkaResource;
import org.partnership.testsupport.PostgresResource;

/** Real PostgreSQL and a real Kafka broker for every test of this module. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(KafkaResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
