package org.partnership.resources.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.Preconditions;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.ContributionStatus;
import org.partnership.resources.domain.Delivery;
import org.partnership.resources.domain.DeliveryReview;
import org.partnership.resources.domain.InvalidResourceException;
import org.partnership.resources.domain.ResourceAccessDeniedException;
import org.partnership.resources.domain.ResourceConflictException;
import org.partnership.resources.domain.ObjectNotFoundException;
import org.partnership.resources.messaging.ContributionChangedEvent;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.repository.ContributionRepository;
import org.partnership.resources.repository.DeliveryRepository;
import org.partnership.resources.repository.NeedRepository;
import org.partnership.resources.repository.PartnerReplicaRepository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The contribution ledger's rules: who may pledge (a representative of an ACTIVE partner that is an accepted
 * participant of an OPEN or ACTIVE project, for their own partner), deliver, correct a disputed delivery and withdraw
 * (the contributing partner), review deliveries (the recipient side: the project lead, never the contributor itself;
 * unreviewed ones are confirmed automatically after {@code partnership.deliveries.auto-confirm-after}) and see what
 * (own partner, the project lead, auditors). Every change, its events and the project's summary commit in one
 * transaction.
 */
@ApplicationScoped
public class ContributionService {

    /** A contribution and the delivery just recorded. */
    public record Delivered(Contribution contribution, Delivery delivery) {
    }

    /** A contribution and the delivery just reviewed. */
    public record Reviewed(Contribution contribution, Delivery delivery) {
    }

    /** A contribution with its ledger entries. */
    public record Detail(Contribution contribution, List<Delivery> deliveries) {
    }

    /** Who pledges what to which project (and need); {@code partnerId} may be omitted (it is the caller's own partner). */
    public record Pledging(UUID projectId, UUID partnerId, UUID needId, Contribution.Pledge pledge) {
    }

    private final ContributionRepository contributions;
    private final DeliveryRepository deliveries;
    private final NeedRepository needs;
    private final PartnerReplicaRepository partners;
    private final Projects projects;
    private final SummaryService summaries;
    private final Outbox outbox;
    private final Time time;

    public ContributionService(ContributionRepository contributions, DeliveryRepository deliveries, NeedRepository needs,
            PartnerReplicaRepository partners, Projects projects, SummaryService summaries, Outbox outbox, Time time) {
        this.contributions = contributions;
        this.deliveries = deliveries;
        this.needs = needs;
        this.partners = partners;
        this.projects = projects;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    @WithTransaction
    public Uni<Contribution> pledge(Caller caller, Pledging request) {
        UUID partnerId = caller.requirePartner();
        if (request.partnerId() != null && !request.partnerId().equals(partnerId)) {
            return Uni.createFrom().failure(new ResourceAccessDeniedException(
                    "you represent partner " + partnerId + " and may pledge only for it"));
        }
        LocalDate due = request.pledge().dueDate();
        if (due != null && due.isBefore(time.today())) {
            return Uni.createFrom().failure(new InvalidResourceException("dueDate", "must not be in the past"));
        }
        return projects.known(request.projectId()).chain(project -> {
            if (!project.hasAccepted(partnerId)) {
                throw new ResourceAccessDeniedException("your partner " + partnerId + " is not an accepted participant of project "
                        + project.id() + ": accept an invitation first");
            }
            if (!project.acceptsContributions()) {
                throw new ResourceConflictException("project-not-open", "project " + project.id() + " is " + project.status()
                        + ": pledges are accepted while it is OPEN or ACTIVE");
            }
            return partners.findById(partnerId).chain(partner -> {
                if (partner == null || !partner.isActive()) {
                    throw new ResourceAccessDeniedException("your partner " + partnerId + " is "
                            + (partner == null ? "not known as ACTIVE yet" : partner.status())
                            + ": only ACTIVE partners contribute");
                }
                return request.needId() == null ? Uni.createFrom().nullItem() : needs.findById(request.needId());
            }).chain(need -> {
                if (request.needId() != null && need == null) {
                    throw new InvalidResourceException("needId", "need " + request.needId() + " does not exist");
                }
                Contribution c = Contribution.pledge(UUID.randomUUID(), project, partnerId, need, request.pledge(),
                        caller.subject(), time.now());
                return contributions.persistAndFlush(c)
                        .call(saved -> outbox.append(ResourceEvents.CONTRIBUTION, saved.id(), ResourceEvents.CONTRIBUTION_PLEDGED,
                                ContributionChangedEvent.of(saved, null, null)))
                        .call(() -> summaries.summarise(project.id()));
            });
        });
    }

    @WithSession
    public Uni<Detail> get(Caller caller, UUID id) {
        return visible(caller, id).chain(c -> deliveries.ofContribution(id).map(list -> new Detail(c, list)));
    }

    /**
     * A page of contributions. Auditors see all; the project's lead sees all of its project; everyone else sees only
     * their own partner's (asking for another partner's is a 403).
     */
    @WithSession
    public Uni<List<ContributionRepository.Item>> search(Caller caller, ContributionRepository.Filter filter,
            ContributionRepository.Position after, int limit) {
        if (caller.readsEverything()) {
            return contributions.search(filter, after, limit);
        }
        UUID own = caller.requirePartner();
        Uni<Boolean> leads = filter.projectId() == null ? Uni.createFrom().item(false)
                : projects.known(filter.projectId()).map(project -> {
                    if (!caller.sees(project)) {
                        throw new ObjectNotFoundException("project", project.id());
                    }
                    return caller.leads(project);
                });
        return leads.chain(lead -> {
            if (lead) {
                return contributions.search(filter, after, limit);
            }
            if (filter.partnerId() != null && !filter.partnerId().equals(own)) {
                throw new ResourceAccessDeniedException("you see only your own partner's contributions"
                        + (filter.projectId() == null ? "" : "; other participants' totals are at /api/v1/commitments?projectId="));
            }
            return contributions.search(new ContributionRepository.Filter(filter.projectId(), own, filter.status(),
                    filter.overdue(), filter.today()), after, limit);
        });
    }

    /**
     * The contributing partner's representatives record what was delivered; delivered never exceeds pledged. With
     * {@code corrects}, the delivery is the correction of that disputed delivery, which no longer counts.
     */
    @WithTransaction
    public Uni<Delivered> deliver(Caller caller, UUID id, BigDecimal quantity, LocalDate deliveredOn, String note, String evidence,
            UUID corrects) {
        if (deliveredOn.isAfter(time.today())) {
            return Uni.createFrom().failure(new InvalidResourceException("deliveredOn", "must not be in the future"));
        }
        return ownedBy(caller, id, "record its deliveries").chain(c -> (corrects == null ? Uni.createFrom().<Delivery>nullItem()
                        : deliveries.findById(corrects).map(disputed -> {
                            if (disputed == null || !disputed.contributionId().equals(id)) {
                                throw new InvalidResourceException("corrects", "delivery " + corrects + " is not a delivery of contribution " + id);
                            }
                            return disputed;
                        }))
                .chain(disputed -> {
                    ContributionStatus before = c.status();
                    Delivery delivery = disputed == null
                            ? c.recordDelivery(UUID.randomUUID(), quantity, deliveredOn, note, evidence, caller.subject(), time.now())
                            : c.recordCorrection(UUID.randomUUID(), disputed, quantity, deliveredOn, note, evidence, caller.subject(), time.now());
                    return deliveries.persist(delivery).chain(() -> contributions.flush())
                            .call(() -> outbox.append(ResourceEvents.CONTRIBUTION, c.id(), ResourceEvents.CONTRIBUTION_DELIVERED,
                                    ContributionChangedEvent.of(c, delivery, null)))
                            .call(() -> fulfilled(c, before))
                            .call(() -> summaries.summarise(c.projectId()))
                            .map(ignored -> new Delivered(c, delivery));
                }));
    }

    /** The contributing partner withdraws the undelivered remainder, with a reason. */
    @WithTransaction
    public Uni<Contribution> withdraw(Caller caller, UUID id, Long expectedVersion, String reason) {
        return ownedBy(caller, id, "withdraw it").chain(c -> {
            if (expectedVersion != null) {
                Preconditions.check(expectedVersion, c.version());
            }
            c.withdraw(reason, time.now());
            return contributions.flush()
                    .call(() -> outbox.append(ResourceEvents.CONTRIBUTION, c.id(), ResourceEvents.CONTRIBUTION_WITHDRAWN,
                            ContributionChangedEvent.of(c, null, reason)))
                    .call(() -> summaries.summarise(c.projectId()))
                    .replaceWith(c);
        });
    }

    /**
     * The recipient side (the project lead's representatives, never the contributor's) confirms or disputes a
     * delivery. A disputed delivery may be confirmed later; a confirmed one is final. If-Match (the contribution's
     * version) is optional; when sent, a stale version is a 412.
     */
    @WithTransaction
    public Uni<Reviewed> review(Caller caller, UUID id, UUID deliveryId, DeliveryReview verdict, String note, Long expectedVersion) {
        return contributions.findById(id).chain(c -> {
            if (c == null) {
                throw new ObjectNotFoundException("contribution", id);
            }
            return projects.known(c.projectId()).chain(project -> {
                if (!caller.sees(c, project)) {
                    throw new ObjectNotFoundException("contribution", id);
                }
                caller.requireRecipient(c, project);
                return deliveries.findById(deliveryId);
            }).chain(delivery -> {
                if (delivery == null || !delivery.contributionId().equals(id)) {
                    throw new ObjectNotFoundException("delivery", deliveryId);
                }
                if (expectedVersion != null) {
                    Preconditions.check(expectedVersion, c.version());
                }
                return applyReview(c, delivery, verdict, note, caller.subject());
            });
        });
    }

    /** One review, its events and the project's summary, in the caller's transaction. */
    private Uni<Reviewed> applyReview(Contribution c, Delivery delivery, DeliveryReview verdict, String note, String subject) {
        ContributionStatus before = c.status();
        boolean wasDisputed = delivery.review() == DeliveryReview.DISPUTED;
        c.review(delivery, verdict, note, subject, time.now());
        return contributions.flush()
                .call(() -> outbox.append(ResourceEvents.CONTRIBUTION, c.id(), verdict == DeliveryReview.CONFIRMED
                                ? ResourceEvents.DELIVERY_CONFIRMED : ResourceEvents.DELIVERY_DISPUTED,
                        ContributionChangedEvent.reviewed(c, delivery, wasDisputed)))
                .call(() -> fulfilled(c, before))
                .call(() -> summaries.summarise(c.projectId()))
                .replaceWith(new Reviewed(c, delivery));
    }

    /** {@code contribution.fulfilled.v1} when the change made it FULFILLED (confirmed reached the pledge). */
    private Uni<Void> fulfilled(Contribution c, ContributionStatus before) {
        return c.status() == ContributionStatus.FULFILLED && before != ContributionStatus.FULFILLED
                ? outbox.append(ResourceEvents.CONTRIBUTION, c.id(), ResourceEvents.CONTRIBUTION_FULFILLED,
                        ContributionChangedEvent.of(c, null, null)).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    /**
     * Confirms, as {@code system:auto-confirm}, the unreviewed deliveries recorded more than {@code after} ago, a batch
     * per transaction (rows locked with SKIP LOCKED, so several instances never confirm twice). Returns how many.
     */
    @WithTransaction
    public Uni<Integer> autoConfirmBatch(Duration after, int limit) {
        String note = "confirmed automatically: not reviewed within " + after.toDays() + " days of being recorded";
        return deliveries.claimUnreviewed(time.now().minus(after), limit).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return deliveries.list("id in ?1 order by recordedAt, id", ids).chain(list -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Delivery d : list) {
                    chain = chain.chain(() -> contributions.findById(d.contributionId()))
                            .chain(c -> applyReview(c, d, DeliveryReview.CONFIRMED, note, Delivery.AUTO_CONFIRM))
                            .replaceWithVoid();
                }
                return chain.invoke(() -> Log.debugf("confirmed %d deliveries automatically", list.size())).replaceWith(list.size());
            });
        });
    }

    /**
     * Emits {@code contribution.overdue.v1} once for each open pledge past its due date, a batch per transaction
     * (rows locked with SKIP LOCKED, so several instances never notify twice). Returns how many were marked.
     */
    @WithTransaction
    public Uni<Integer> markOverdueBatch(int limit) {
        LocalDate today = time.today();
        return contributions.claimNewlyOverdue(today, limit).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                : contributions.list("id in ?1", ids).chain(list -> {
                    list.forEach(c -> c.markOverdue(today, time.now()));
                    return contributions.flush().chain(() -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Contribution c : list) {
                            chain = chain.call(() -> outbox.append(ResourceEvents.CONTRIBUTION, c.id(),
                                    ResourceEvents.CONTRIBUTION_OVERDUE, ContributionChangedEvent.of(c, null, null)));
                        }
                        return chain;
                    }).invoke(() -> Log.debugf("marked %d contributions overdue", list.size())).replaceWith(list.size());
                }));
    }

    private Uni<Contribution> visible(Caller caller, UUID id) {
        return contributions.findById(id).chain(c -> {
            if (c == null) {
                throw new ObjectNotFoundException("contribution", id);
            }
            if (caller.represents(c.partnerId()) || caller.readsEverything()) {
                return Uni.createFrom().item(c);
            }
            return projects.known(c.projectId()).map(project -> {
                if (!caller.sees(c, project)) {
                    throw new ObjectNotFoundException("contribution", id);
                }
                return c;
            });
        });
    }

    /** The contribution, when the caller represents its partner (404 if they cannot see it, 403 if only the lead). */
    private Uni<Contribution> ownedBy(Caller caller, UUID id, String action) {
        return visible(caller, id).map(c -> {
            if (!caller.represents(c.partnerId())) {
                throw new ResourceAccessDeniedException("only representatives of partner " + c.partnerId() + " may " + action);
            }
            return c;
        });
    }

}
