package org.partnership.messaging.probe;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** A service's REST edge in miniature: a request creates a probe (and its outbox event). */
@Path("/probes")
@PermitAll
public class ProbeResource {

    private final ProbeService service;

    public ProbeResource(ProbeService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Uni<String> create(String name) {
        return service.create(name, false).map(Object::toString);
    }

    /** Creates a probe in a transaction that stays open for 5 s: a slow request, for callers who hang up. */
    @POST
    @Path("/slow")
    @Consumes(MediaType.TEXT_PLAIN)
    public Uni<String> createSlowly(String name) {
        return service.createSlowly(name, java.time.Duration.ofSeconds(5)).map(Object::toString);
    }
}
