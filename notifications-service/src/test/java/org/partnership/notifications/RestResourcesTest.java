package org.partnership.notifications;

import org.junit.jupiter.api.Test;
import org.partnership.testsupport.RestResources;

class RestResourcesTest {

    @Test
    void everyResourceRunsItsWritesToTheirEnd() {
        RestResources.assertWritesRunToTheirEnd("org.partnership.notifications");
    }
}
