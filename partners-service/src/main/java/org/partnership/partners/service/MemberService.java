package org.partnership.partners.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.exception.ConstraintViolationException;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.partners.client.UserDirectory;
import org.partnership.partners.domain.Caller;
import org.partnership.partners.domain.MemberNotFoundException;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.PartnerAccessDeniedException;
import org.partnership.partners.domain.PartnerConflictException;
import org.partnership.partners.domain.PartnerMember;
import org.partnership.partners.domain.PartnerNotFoundException;
import org.partnership.partners.domain.UnknownUserException;
import org.partnership.partners.messaging.MemberEvent;
import org.partnership.partners.messaging.PartnerEvents;
import org.partnership.partners.repository.PartnerMemberRepository;
import org.partnership.partners.repository.PartnerRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who represents a partner. Its members and administrators add a colleague (an existing user of the realm, found by
 * username or e-mail) and remove members, never the last one; auditors and everyone else only read (or not even
 * that). Each change commits with its event ({@code member-added}, {@code member-removed}), upon which the user's
 * {@code partner_id} attribute is set or cleared in Keycloak ({@code KeycloakLinkConsumer}). Changes to one partner's
 * members are serialised by a lock on the partner, so two removals cannot leave it with none.
 */
@ApplicationScoped
public class MemberService {

    private final PartnerService registry;
    private final PartnerRepository partners;
    private final PartnerMemberRepository members;
    private final UserDirectory directory;
    private final Outbox outbox;

    public MemberService(PartnerService registry, PartnerRepository partners, PartnerMemberRepository members,
            UserDirectory directory, Outbox outbox) {
        this.registry = registry;
        this.partners = partners;
        this.members = members;
        this.directory = directory;
        this.outbox = outbox;
    }

    /**
     * A page of the users who represent a partner, earliest joined first: visible to its members, administrators and
     * auditors (404 for others).
     */
    @WithSession
    public Uni<List<PartnerMember>> list(Caller caller, UUID partnerId, PartnerMemberRepository.Position after, int limit) {
        return readable(caller, partnerId).chain(() -> members.page(partnerId, after, limit));
    }

    /** One member, to the same audience. */
    @WithSession
    public Uni<PartnerMember> get(Caller caller, UUID partnerId, String userId) {
        return readable(caller, partnerId).chain(() -> members.findById(userId)).map(member -> {
            if (member == null || !member.partnerId().equals(partnerId)) {
                throw new MemberNotFoundException(partnerId, userId);
            }
            return member;
        });
    }

    /**
     * Adds the realm's user named {@code user} (username or e-mail address) to the partner at once: 422 when there is
     * no such user, 409 when they already represent a partner (this one or another).
     */
    @WithTransaction
    public Uni<PartnerMember> add(Caller caller, UUID partnerId, String user) {
        return managed(caller, partnerId)
                .chain(partner -> directory.find(user).chain(found -> {
                    UserDirectory.User account = found.orElseThrow(() -> new UnknownUserException(user));
                    return members.findById(account.id()).chain(existing -> join(partner, account.id(), account.username(),
                            existing, account.partnerId(), caller, account.email(), account.locale()));
                }))
                .onFailure(ConstraintViolationException.class).transform(e -> new PartnerConflictException("already-member",
                        user + " already represents a partner; a user represents one partner"));
    }

    /**
     * The user joins the partner, locked by the caller's transaction: the member (the domain's rules in
     * {@link PartnerMember#join}) and its {@code member-added} event with their e-mail address and language, in that
     * transaction. Also how the demo data adds the demo users ({@link DemoPartners}).
     */
    Uni<PartnerMember> join(Partner partner, String userId, String username, PartnerMember existing, Optional<UUID> claimedPartner,
            Caller by, String email, String locale) {
        PartnerMember member = PartnerMember.join(partner, userId, username, Optional.ofNullable(existing), claimedPartner);
        return members.persistAndFlush(member)
                .call(joined -> outbox.append(PartnerEvents.PARTNER, partner.id(), PartnerEvents.MEMBER_ADDED,
                        MemberEvent.of(joined, by, email, locale)));
    }

    /** Removes a member (themselves included), unless they are the last one (409). */
    @WithTransaction
    public Uni<PartnerMember> remove(Caller caller, UUID partnerId, String userId) {
        return managed(caller, partnerId)
                .chain(partner -> members.ofPartner(partnerId).map(all -> PartnerMember.removable(partner, all, userId)))
                .call(member -> members.delete(member).call(members::flush))
                .call(member -> outbox.append(PartnerEvents.PARTNER, partnerId, PartnerEvents.MEMBER_REMOVED,
                        MemberEvent.of(member, caller)));
    }

    private Uni<Void> readable(Caller caller, UUID partnerId) {
        return registry.get(caller, partnerId).invoke(partner -> {
            if (!caller.seesPrivateFieldsOf(partner)) {
                throw new PartnerNotFoundException(partnerId);
            }
        }).replaceWithVoid();
    }

    /** The partner, locked for this change of its members, if the caller is one of them or an administrator. */
    private Uni<Partner> managed(Caller caller, UUID partnerId) {
        if (caller.isAuditor() && !caller.isAdmin()) {
            return Uni.createFrom().failure(new PartnerAccessDeniedException("auditors read; they do not change members"));
        }
        return registry.get(caller, partnerId)
                .chain(seen -> partners.findById(partnerId, LockModeType.PESSIMISTIC_WRITE))
                .invoke(partner -> {
                    if (!caller.isAdmin()) {
                        caller.requireMemberOf(partner);
                    }
                });
    }
}
