package org.partnership.partners.service;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.partners.domain.Caller;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.PartnerAccessDeniedException;
import org.partnership.partners.domain.PartnerConflictException;
import org.partnership.partners.domain.PartnerMember;
import org.partnership.partners.domain.PartnerNotFoundException;
import org.partnership.partners.domain.PartnerStatus;
import org.partnership.partners.domain.StatusChange;
import org.partnership.partners.messaging.PartnerEvent;
import org.partnership.partners.messaging.PartnerEvents;
import org.partnership.partners.repository.PartnerMemberRepository;
import org.partnership.partners.repository.PartnerRepository;

import java.util.List;
import java.util.UUID;

/**
 * The registry's rules: who may register, see, change and verify partners. Every change and its event commit in
 * one transaction.
 */
@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;
    private final PartnerMemberRepository members;
    private final Outbox outbox;

    private final SecurityIdentity securityIdentity;

    public PartnerService(PartnerRepository partners, PartnerMemberRepository members, Outbox outbox, SecurityIdentity securityIdentity) {
        this.partners = partners;
        this.members = members;
        this.outbox = outbox;
        this.securityIdentity = securityIdentity;
    }

    /**
     * Registers a partner, pending verification. A user who represents no partner yet becomes its first member;
     * an administrator may register on someone's behalf.
     */
    @WithTransaction
    public Uni<Partner> register(Caller caller, Partner.Profile profile, Partner.Identity identity) {
        if (caller.partnerId().isPresent() && !caller.isAdmin()) {
            return Uni.createFrom().failure(new PartnerConflictException("already-member",
                    "you already represent partner " + caller.partnerId().get() + "; a user represents one partner"));
        }
        if (caller.isAuditor() && !caller.isAdmin()) {
            return Uni.createFrom().failure(new PartnerAccessDeniedException("auditors read; they do not register partners"));
        }
        Partner partner = Partner.register(UUID.randomUUID(), profile, identity, caller.subject());
        // the first member (the registering user) with their e-mail address and language from their token (claims
        // email and locale): the registered event names them, so consumers know the partner's members from events
        String email = claim("email");
        String locale = claim("locale");
        return partners.registrationExists(partner.country(), partner.registrationNumber())
                .chain(exists -> {
                    if (exists) {
                        throw new PartnerConflictException("duplicate-registration", "a partner with registration number "
                                + partner.registrationNumber() + " in " + partner.country() + " is already registered");
                    }
                    return partners.persistAndFlush(partner);
                })
                .chain(saved -> caller.isAdmin() ? Uni.createFrom().item(saved)
                        : members.persistAndFlush(new PartnerMember(caller.subject(), saved.id(), caller.username())).replaceWith(saved))
                .call(saved -> outbox.append(PartnerEvents.PARTNER, saved.id(), PartnerEvents.PARTNER_REGISTERED,
                        PartnerEvent.of(saved, 0, null).registeredBy(caller.isAdmin() ? null
                                : new PartnerEvent.FirstMember(caller.subject(), caller.username(), email, locale))))
                .onFailure(ConstraintViolationException.class).transform(e -> concurrentRegistration(
                        (ConstraintViolationException) e, partner));
    }

    /** A text claim of the caller's token, or null. */
    private String claim(String name) {
        if (securityIdentity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            String text = value == null ? "" : value.toString().replaceAll("^\"|\"$", "");
            return text.isBlank() ? null : text;
        }
        return null;
    }

    /** The unique constraints, when a concurrent request won the race the checks above look for. */
    private static RuntimeException concurrentRegistration(ConstraintViolationException e, Partner partner) {
        if (String.valueOf(e.getConstraintName()).contains("registration")) {
            return new PartnerConflictException("duplicate-registration", "a partner with registration number "
                    + partner.registrationNumber() + " in " + partner.country() + " is already registered");
        }
        return new PartnerConflictException("already-member", "you already represent a partner; a user represents one partner");
    }

    /** A partner the caller may see, or 404. */
    @WithSession
    public Uni<Partner> get(Caller caller, UUID id) {
        return partners.findById(id).map(partner -> {
            if (partner == null || !caller.sees(partner)) {
                throw new PartnerNotFoundException(id);
            }
            return partner;
        });
    }

    /**
     * Its members and administrators change a partner's profile, based on the version they read (412 when stale).
     * An administrator's change takes effect at once; a member's change of name, legal form or sector waits, as the
     * partner's pending change, for an administrator ({@link Partner#proposeProfile}): the event carries the values in
     * force, so the other services' replicas keep them until it is approved.
     */
    @WithTransaction
    public Uni<Partner> update(Caller caller, UUID id, long expectedVersion, java.util.function.UnaryOperator<Partner.Profile> change) {
        return get(caller, id).chain(partner -> {
            if (!caller.isAdmin()) {
                caller.requireMemberOf(partner);
            }
            org.partnership.http.Preconditions.check(expectedVersion, partner.version());
            if (caller.isAdmin()) {
                partner.updateProfile(change.apply(partner.profile()));
            } else {
                partner.proposeProfile(change.apply(partner.proposedProfile()), caller.displayName());
            }
            return outbox.append(PartnerEvents.PARTNER, partner.id(), PartnerEvents.PARTNER_UPDATED,
                    PartnerEvent.of(partner, partner.version() + 1, null)).replaceWith(partner);
        }).call(partners::flush);
    }

    /**
     * An administrator puts a member's pending change of name, legal form or sector in force, having reviewed the
     * version they name (412 when stale, 409 when nothing is pending); the event carries the new values to the replicas.
     */
    @WithTransaction
    public Uni<Partner> approvePendingChange(Caller caller, UUID id, long expectedVersion, String reason) {
        if (!caller.isAdmin()) {
            return Uni.createFrom().failure(new PartnerAccessDeniedException("only administrators approve a partner's pending change"));
        }
        return get(caller, id).chain(partner -> {
            org.partnership.http.Preconditions.check(expectedVersion, partner.version());
            partner.approvePendingChange();
            return outbox.append(PartnerEvents.PARTNER, partner.id(), PartnerEvents.PARTNER_UPDATED,
                    PartnerEvent.of(partner, partner.version() + 1, reason)).replaceWith(partner);
        }).call(partners::flush);
    }

    /** An administrator discards a member's pending change, with a reason its members see; nothing in force changes. */
    @WithTransaction
    public Uni<Partner> rejectPendingChange(Caller caller, UUID id, String reason) {
        if (!caller.isAdmin()) {
            return Uni.createFrom().failure(new PartnerAccessDeniedException("only administrators reject a partner's pending change"));
        }
        return get(caller, id).invoke(partner -> partner.rejectPendingChange(reason)).call(partners::flush);
    }

    /** Administrators verify, suspend, reinstate and archive partners, always with a reason. */
    @WithTransaction
    public Uni<Partner> changeStatus(Caller caller, UUID id, StatusChange change, String reason) {
        if (!caller.isAdmin()) {
            return Uni.createFrom().failure(new PartnerAccessDeniedException("only administrators change a partner's status"));
        }
        return get(caller, id).chain(partner -> {
            partner.changeStatus(change, reason);
            return outbox.append(PartnerEvents.PARTNER, partner.id(), PartnerEvents.of(change),
                    PartnerEvent.of(partner, partner.version() + 1, reason)).replaceWith(partner);
        }).call(partners::flush);
    }

    /** A page of partners the caller may list (ACTIVE ones, or any status for administrators and auditors). */
    @WithSession
    public Uni<List<Partner>> search(Caller caller, PartnerRepository.Filter filter, PartnerRepository.Position after, int limit) {
        if (!caller.mayList(filter.status())) {
            return Uni.createFrom().failure(new PartnerAccessDeniedException(
                    "only administrators and auditors list partners that are " + filter.status()));
        }
        return partners.search(filter, after, limit);
    }
}
