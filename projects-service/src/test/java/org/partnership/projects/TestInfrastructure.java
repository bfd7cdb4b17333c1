package org.partnership.projects;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.partnership.testsupport.KafkaResource;
import org.partnership.testsupport.OidcTokensResource;
import org.partnership.testsupport.PostgresResource;

/**
 * Real PostgreSQL (database {@code projects}), a real Kafka broker and test-signed tokens for every {@code @QuarkusTest}
 * of this module (the resources are global: one application start serves all test classes).
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "projects"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcTokensResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
