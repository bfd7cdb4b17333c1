package org.partnership.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.partnership.testsupport.OidcTokensResource;

/** Test-signed tokens and stand-in upstreams for every {@code @QuarkusTest} of this module (global: one application start serves all). */
@QuarkusTestResource(OidcTokensResource.class)
@QuarkusTestResource(UpstreamStubResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
