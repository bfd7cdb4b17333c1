package org.partnership.resources;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.ServiceHealthTests;

/** Health, metrics, API description and migrations of resources-service. */
@QuarkusTest
class HealthTest extends ServiceHealthTests {

    @Override
    protected String topic() {
        return "resources.v1";
    }

    @Override
    protected String apiTitle() {
        return "Resources API";
    }
}
