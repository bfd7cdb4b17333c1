package org.partnership.projects;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.ServiceHealthTests;

/** Health, metrics, API description and migrations of projects-service. */
@QuarkusTest
class HealthTest extends ServiceHealthTests {

    @Override
    protected String topic() {
        return "projects.v1";
    }

    @Override
    protected String apiTitle() {
        return "Projects API";
    }
}
