package org.partnership.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.partnership.testsupport.GreenMailResource;
import org.partnership.testsupport.KafkaResource;
import org.partnership.testsupport.OidcTokensResource;
import org.partnership.testsupport.PostgresResource;

/**
 * Real PostgreSQL (database {@code notifications}), a real Kafka broker, a real SMTP server (GreenMail) and
 * test-signed tokens for every {@code @QuarkusTest} of this module.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(OidcTokensResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
