package org.partnership.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.partnership.testsupport.OidcTokensResource;

/** Test-signed tokens for every {@code @QuarkusTest} of this module (global: one application start serves all). */
@QuarkusTestResource(OidcTokensResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
