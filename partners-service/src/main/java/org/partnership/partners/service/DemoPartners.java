package org.partnership.partners.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.LockModeType;
import org.partnership.partners.domain.Caller;
import org.partnership.partners.domain.Capability;
import org.partnership.partners.domain.Level;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.PartnerStatus;
import org.partnership.partners.domain.Sector;
import org.partnership.partners.domain.ServiceDomain;
import org.partnership.partners.domain.StatusChange;
import org.partnership.partners.repository.PartnerMemberRepository;
import org.partnership.partners.repository.PartnerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.partners.messaging.PartnerEvent;
import org.partnership.partners.messaging.PartnerEvents;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * DEMO DATA, for the local stack only ({@code partnership.demo-data.enabled=true}; never in production, and in tests
 * only where a test loads it): the organisations behind the realm's demo users, ACTIVE, each with its demo user as a
 * member, with their events published like any other partner's so the other services know them (notifications-service
 * learns a partner's members, their e-mail address and language only from the {@code member-added} events).
 * <p>
 * Each start brings every demo organisation to that state one step at a time, each step in its own transaction and
 * only if still needed: registered if missing; its demo user added as a member while it has no members at all (so an
 * organisation whose members were changed meanwhile, or whose demo user represents another partner, is left alone,
 * and a removed demo user is not brought back); verified while pending. Restarts duplicate nothing, and a start
 * interrupted between steps is completed by the next one.
 */
@ApplicationScoped
public class DemoPartners {

    static final List<Demo> PARTNERS = List.of(
            new Demo("a0000000-0000-4000-8000-000000000001", "City of Riverside", "Local authority", "LA-RIV-0042", "GB",
                    Sector.PUBLIC, Level.LOCAL, List.of(ServiceDomain.WELFARE, ServiceDomain.HOUSING, ServiceDomain.EMPLOYMENT, ServiceDomain.EDUCATION),
                    List.of(new Capability("social-work", new BigDecimal("12"), "FTE"), new Capability("meeting-rooms", new BigDecimal("6"), "rooms"),
                            new Capability("public-funding", null, null)),
                    "The municipality of Riverside: coordinates joint welfare, housing and employment projects.",
                    "https://riverside.example.org", "partnerships@riverside.example.org",
                    new Representative("b0000000-0000-4000-8000-000000000001", "carla.coordinator", "carla.coordinator@demo.partnership.example")),
            new Demo("a0000000-0000-4000-8000-000000000002", "Riverside Food Bank", "Registered charity", "1187654", "GB",
                    Sector.THIRD_SECTOR, Level.LOCAL, List.of(ServiceDomain.WELFARE, ServiceDomain.HEALTH),
                    List.of(new Capability("food-distribution", new BigDecimal("1200"), "parcels/month"),
                            new Capability("volunteers", new BigDecimal("40"), "people")),
                    "Emergency food parcels, a community pantry and debt advice drop-ins.",
                    "https://foodbank.example.org", "hello@foodbank.example.org",
                    new Representative("b0000000-0000-4000-8000-000000000002", "tom.foodbank", "tom.foodbank@demo.partnership.example")),
            new Demo("a0000000-0000-4000-8000-000000000003", "Open Doors Housing Association", "Community benefit society", "RS007812", "GB",
                    Sector.THIRD_SECTOR, Level.REGIONAL, List.of(ServiceDomain.HOUSING, ServiceDomain.WELFARE),
                    List.of(new Capability("supported-housing", new BigDecimal("35"), "flats"),
                            new Capability("tenancy-support", new BigDecimal("200"), "hours/month")),
                    "Supported housing and tenancy sustainment for people leaving homelessness.",
                    "https://opendoors.example.org", "info@opendoors.example.org",
                    new Representative("b0000000-0000-4000-8000-000000000004", "tina.housing", "tina.housing@demo.partnership.example")),
            new Demo("a0000000-0000-4000-8000-000000000004", "Nordlicht Energy AG", "Aktiengesellschaft", "HRB 123456", "DE",
                    Sector.MARKET, Level.NATIONAL, List.of(ServiceDomain.ENVIRONMENT, ServiceDomain.EMPLOYMENT),
                    List.of(new Capability("apprenticeships", new BigDecimal("10"), "places/year"),
                            new Capability("energy-advice", new BigDecimal("80"), "hours/month"), new Capability("funding", null, null)),
                    "Renewable energy company; funds and staffs local employment and energy-poverty programmes.",
                    "https://nordlicht.example.com", "csr@nordlicht.example.com",
                    new Representative("b0000000-0000-4000-8000-000000000005", "mark.market", "mark.market@demo.partnership.example")));

    record Demo(String id, String name, String legalForm, String registrationNumber, String country, Sector sector, Level level,
                List<ServiceDomain> domains, List<Capability> capabilities, String description, String website, String email,
                Representative representative) {
    }

    /**
     * The realm's demo user who represents a demo organisation, as keycloak/partnership-realm.json has them: the fixed
     * {@code id} given there (Keycloak keeps it on import, so it is their token subject), username and e-mail address.
     * They have no {@code locale} there, so none here (notifications in English).
     */
    record Representative(String id, String username, String email) {
    }

    /** Who publishes the demo organisations' events. */
    static final Actor DEMO = Actor.system("demo-data");

    /** Who adds the demo users ({@code by} in their {@code member-added} events): the same system actor. */
    private static final Caller DEMO_CALLER = new Caller(DEMO.sub(), DEMO.username(), Set.of(), Optional.empty());

    private final PartnerRepository partners;
    private final PartnerMemberRepository members;
    private final MemberService memberService;
    private final Outbox outbox;
    private final boolean enabled;

    public DemoPartners(PartnerRepository partners, PartnerMemberRepository members, MemberService memberService, Outbox outbox,
            @ConfigProperty(name = "partnership.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.partners = partners;
        this.members = members;
        this.memberService = memberService;
        this.outbox = outbox;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (enabled) {
            load();
        }
    }

    /** Brings the demo organisations and their members to the state above (what a start with demo data does). */
    void load() throws Throwable {
        for (Demo demo : PARTNERS) {
            UUID id = UUID.fromString(demo.id());
            if (step(() -> registerIfMissing(demo))) {
                Log.infof("demo data: registered %s", demo.name());
            }
            if (step(() -> addRepresentativeIfNoMembers(demo))) {
                Log.infof("demo data: %s is a member of %s", demo.representative().username(), demo.name());
            }
            if (step(() -> verifyIfPending(id))) {
                Log.infof("demo data: verified %s", demo.name());
            }
        }
    }

    private static boolean step(Supplier<Uni<Boolean>> step) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Actors.as(DEMO, null, step));
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

    /**
     * The demo user joins their organisation as any colleague does ({@link MemberService#join}: the partner locked, the member
     * and its {@code member-added} event with their e-mail address in one transaction), while it has no members.
     */
    private Uni<Boolean> addRepresentativeIfNoMembers(Demo demo) {
        UUID id = UUID.fromString(demo.id());
        Representative user = demo.representative();
        return Panache.withTransaction(() -> partners.findById(id, LockModeType.PESSIMISTIC_WRITE).chain(partner -> {
            if (partner.status() == PartnerStatus.ARCHIVED) {
                return Uni.createFrom().item(false);
            }
            return members.ofPartner(id).chain(present -> !present.isEmpty() ? Uni.createFrom().item(false)
                    : members.findById(user.id()).chain(membership -> {
                        if (membership != null) {
                            Log.warnf("demo data: %s already represents partner %s; not added to %s", user.username(),
                                    membership.partnerId(), demo.name());
                            return Uni.createFrom().item(false);
                        }
                        // their account's partner_id already names this organisation (the realm gives it): that
                        // claim is what this membership records, so it is not a claim on another partner
                        return memberService.join(partner, user.id(), user.username(), null, Optional.empty(), DEMO_CALLER,
                                user.email(), null).replaceWith(true);
                    }));
        }));
    }

    private Uni<Boolean> verifyIfPending(UUID id) {
        return Panache.withTransaction(() -> partners.findById(id).chain(partner -> {
            if (partner.status() != PartnerStatus.PENDING_VERIFICATION) {
                return Uni.createFrom().item(false);
            }
            partner.changeStatus(StatusChange.VERIFY, "demo data");
            return outbox.append(PartnerEvents.PARTNER, id, PartnerEvents.PARTNER_VERIFIED,
                    PartnerEvent.of(partner, partner.version() + 1, "demo data")).replaceWith(true);
        }));
    }

}
