package org.partnership.gateway.dashboard;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a dashboard part are the service refusing the caller, and which mean the service is unavailable. */
class DashboardPartsTest {

    @Test
    void shouldTakeA403OrA404AsTheServiceRefusingTheCaller() {
        assertThat(Part.refusal(new WebApplicationException(Response.status(403).build()))).isTrue();
        assertThat(Part.refusal(new WebApplicationException(Response.status(404).build()))).isTrue();
    }

    @Test
    void shouldTakeEverythingElseAsTheServiceBeingUnavailable() {
        assertThat(Part.refusal(new WebApplicationException(Response.status(500).build()))).isFalse();
        assertThat(Part.refusal(new WebApplicationException(Response.status(503).build()))).isFalse();
        assertThat(Part.refusal(new WebApplicationException(Response.status(400).build()))).isFalse();
        assertThat(Part.refusal(new TimeoutException())).isFalse();
        assertThat(Part.refusal(new ConnectException("Connection refused"))).isFalse();
    }
}
