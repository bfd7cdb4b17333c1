package org.partnership.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.partnership.testsupport.KafkaResource;
import org.partnership.testsupport.OidcTokensResource;
import org.partnership.testsupport.PostgresResource;

/** Real PostgreSQL (database {@code audit}), a real Kafka broker and test-signed tokens for every {@code @QuarkusTest}. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "audit"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcTokensResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
