package org.partnership.resources;

import org.junit.jupiter.api.Test;
import org.partnership.testsupport.RestResources;

class RestResourcesTest {

    @Test
    void everyResourceRunsItsWritesToTheirEnd() {
        RestResources.assertWritesRunToTheirEnd("org.partnership.resources");
    }
}
