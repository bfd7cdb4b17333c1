package org.partnership.partners.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnership.partners.domain.Capability;
import org.partnership.partners.domain.Level;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.Sector;
import org.partnership.partners.domain.ServiceDomain;
import org.partnership.partners.domain.StatusChange;
import org.partnership.partners.repository.PartnerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.partners.messaging.PartnerEvent;
import org.partnership.partners.messaging.PartnerEvents;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * DEMO DATA, for the local stack only ({@code partnership.demo-data.enabled=true}; never in tests or production):
 * the organisations behind the realm's demo users, ACTIVE, with their events published like any other partner's
 * so the other services' replicas know them. Existing ones are left alone, so restarts duplicate nothing.
 */
@ApplicationScoped
public class DemoPartners {

    static final List<Demo> PARTNERS = List.of(
            new Demo("a0000000-0000-4000-8000-000000000001", "City of Riverside", "Local authority", "LA-RIV-0042", "GB",
                    Sector.PUBLIC, Level.LOCAL, List.of(ServiceDomain.WELFARE, ServiceDomain.HOUSING, ServiceDomain.EMPLOYMENT, ServiceDomain.EDUCATION),
                    List.of(new Capability("social-work", new BigDecimal("12"), "FTE"), new Capability("meeting-rooms", new BigDecimal("6"), "rooms"),
                            new Capability("public-funding", null, null)),
                    "The municipality of Riverside: coordinates joint welfare, housing and employment projects.",
                    "https://riverside.example.org", "partnerships@riverside.example.org"),
            new Demo("a0000000-0000-4000-8000-000000000002", "Riverside Food Bank", "Registered charity", "1187654", "GB",
                    Sector.THIRD_SECTOR, Level.LOCAL, List.of(ServiceDomain.WELFARE, ServiceDomain.HEALTH),
                    List.of(new Capability("food-distribution", new BigDecimal("1200"), "parcels/month"),
                            new Capability("volunteers", new BigDecimal("40"), "people")),
                    "Emergency food parcels, a community pantry and debt advice drop-ins.",
                    "https://foodbank.example.org", "hello@foodbank.example.org"),
            new Demo("a0000000-0000-4000-8000-000000000003", "Open Doors Housing Association", "Community benefit society", "RS007812", "GB",
                    Sector.THIRD_SECTOR, Level.REGIONAL, List.of(ServiceDomain.HOUSING, ServiceDomain.WELFARE),
                    List.of(new Capability("supported-housing", new BigDecimal("35"), "flats"),
                            new Capability("tenancy-support", new BigDecimal("200"), "hours/month")),
                    "Supported housing and tenancy sustainment for people leaving homelessness.",
                    "https://opendoors.example.org", "info@opendoors.example.org"),
            new Demo("a0000000-0000-4000-8000-000000000004", "Nordlicht Energy AG", "Aktiengesellschaft", "HRB 123456", "DE",
                    Sector.MARKET, Level.NATIONAL, List.of(ServiceDomain.ENVIRONMENT, ServiceDomain.EMPLOYMENT),
                    List.of(new Capability("apprenticeships", new BigDecimal("10"), "places/year"),
                            new Capability("energy-advice", new BigDecimal("80"), "hours/month"), new Capability("funding", null, null)),
                    "Renewable energy company; funds and staffs local employment and energy-poverty programmes.",
                    "https://nordlicht.example.com", "csr@nordlicht.example.com"));

    record Demo(String id, String name, String legalForm, String registrationNumber, String country, Sector sector, Level level,
                List<ServiceDomain> domains, List<Capability> capabilities, String description, String website, String email) {
    }

    /** Who publishes the demo organisations' events. */
    static final Actor DEMO = Actor.system("demo-data");

    private final PartnerRepository partners;
    private final Outbox outbox;
    private final boolean enabled;

    public DemoPartners(PartnerRepository partners, Outbox outbox,
            @ConfigProperty(name = "partnership.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.partners = partners;
        this.outbox = outbox;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        for (Demo demo : PARTNERS) {
            boolean created = VertxContextSupport.subscribeAndAwait(() -> Actors.as(DEMO, null, () -> registerIfMissing(demo)));
            if (created) {
                VertxContextSupport.subscribeAndAwait(() -> Actors.as(DEMO, null, () -> verify(UUID.fromString(demo.id()))));
                Log.infof("demo data: registered and verified %s", demo.name());
            }
        }
    }

    private Uni<Boolean> registerIfMissing(Demo demo) {
        UUID id = UUID.fromString(demo.id());
        return Panache.withTransaction(() -> partners.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Partner partner = Partner.register(id, new Partner.Profile(demo.name(), demo.legalForm(), demo.sector(), demo.level(),
                            demo.domains(), demo.capabilities(), demo.description(), demo.website(), demo.email()),
                    new Partner.Identity(demo.registrationNumber(), demo.country()), "demo-data");
            return partners.persist(partner)
                    .call(saved -> outbox.append(PartnerEvents.PARTNER, id, PartnerEvents.PARTNER_REGISTERED, PartnerEvent.of(saved, 0, null)))
                    .replaceWith(true);
        }));
    }

    private Uni<Void> verify(UUID id) {
        return Panache.withTransaction(() -> partners.findById(id).chain(partner -> {
            partner.changeStatus(StatusChange.VERIFY, "demo data");
            return outbox.append(PartnerEvents.PARTNER, id, PartnerEvents.PARTNER_VERIFIED,
                    PartnerEvent.of(partner, partner.version() + 1, "demo data"));
        })).replaceWithVoid();
    }

}
