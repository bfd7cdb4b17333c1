package org.partnership.partners;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.ServiceHealthTests;

/** Health, metrics, API description and migrations of partners-service. */
@QuarkusTest
class HealthTest extends ServiceHealthTests {

    @Override
    protected String topic() {
        return "partners.v1";
    }

    @Override
    protected String apiTitle() {
        return "Partners API";
    }
}
