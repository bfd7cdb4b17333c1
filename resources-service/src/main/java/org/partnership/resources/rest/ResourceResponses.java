package org.partnership.resources.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Delivery;
import org.partnership.resources.domain.Money;
import org.partnership.resources.domain.PartnerReplica;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.domain.RiskStatusChange;
import org.partnership.resources.repository.ContributionRepository;
import org.partnership.resources.service.CommitmentService;
import org.partnership.resources.service.NeedService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the resources API. Quantities, amounts and percentages are decimal strings. */
public final class ResourceResponses {

    private ResourceResponses() {
    }

    @Schema(name = "Need")
    public record NeedView(UUID id, UUID projectId, String type,
                           @Schema(type = SchemaType.STRING, examples = "400") String quantity, String unit, String dimension,
                           String description,
                           @Schema(description = "Pledged against it, net of withdrawals", examples = "120") String pledged,
                           @Schema(description = "Deliveries that stand (unreviewed or confirmed); disputed ones do not count", examples = "50") String delivered,
                           @Schema(description = "pledged / quantity × 100, capped at 100", examples = "30") String coveragePercent,
                           OffsetDateTime createdAt,
                           @Schema(description = "The part of delivered confirmed by the recipient side", examples = "40") String confirmed,
                           @Schema(description = "Delivered but disputed, awaiting resolution; not part of delivered", examples = "0") String disputed,
                           @Schema(description = "confirmed / quantity × 100, capped at 100", examples = "10") String confirmedPercent,
                           @Schema(description = "OPEN, or CANCELLED by a passed CHANGE_NEED proposal: no longer counted in the "
                                   + "project's coverage, takes no new pledge", enumeration = {"OPEN", "CANCELLED"}) String status) {

        static NeedView of(NeedService.CoveredNeed covered) {
            var n = covered.need();
            var c = covered.coverage();
            return new NeedView(n.id(), n.projectId(), n.type().name(), Decimals.format(n.quantity()), n.unit(), n.dimension(),
                    n.description(), Decimals.format(c.pledged()), Decimals.format(c.delivered()),
                    Decimals.format(Decimals.percent(c.pledged(), n.quantity())), n.createdAt(), Decimals.format(c.confirmed()),
                    Decimals.format(c.disputed()), Decimals.format(Decimals.percent(c.confirmed(), n.quantity())), n.status());
        }
    }

    @Schema(name = "Money")
    public record MoneyView(@Schema(examples = "1800.00") String amount, @Schema(examples = "GBP") String currency) {
        static MoneyView of(Money money) {
            return money == null ? null : new MoneyView(Money.format(money.amount(), money.currency()), money.currency());
        }
    }

    @Schema(name = "Delivery")
    public record DeliveryView(UUID id, UUID contributionId, String quantity, LocalDate deliveredOn, String note, String evidence,
                               @Schema(description = "UNREVIEWED (counts as delivered until reviewed), CONFIRMED, or DISPUTED "
                                       + "(does not count until confirmed later or corrected) — by the recipient side, the project's lead")
                               String review,
                               String reviewNote, OffsetDateTime recordedAt, OffsetDateTime reviewedAt,
                               @Schema(description = "Who reviewed it: a user id, or system:auto-confirm (not reviewed in time), "
                                       + "or system:migration (recorded before deliveries were reviewed)") String reviewedBy,
                               @Schema(description = "Confirmed by no person: automatically, or by the migration") Boolean reviewedAutomatically,
                               @Schema(description = "The disputed delivery this one corrects") UUID corrects,
                               @Schema(description = "The correction that replaced this disputed delivery: it no longer counts") UUID correctedBy,
                               @Schema(description = "The dispute, kept when it is later confirmed or corrected") DisputeView dispute) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.contributionId(), Decimals.format(d.quantity()), d.deliveredOn(), d.note(),
                    d.evidence(), d.review().name(), d.reviewNote(), d.recordedAt(), d.reviewedAt(), d.reviewedBy(),
                    d.reviewedAt() == null ? null : d.reviewedAutomatically(), d.corrects(), d.correctedBy(),
                    d.disputedAt() == null ? null : new DisputeView(d.disputeNote(), d.disputedBy(), d.disputedAt()));
        }
    }

    @Schema(name = "DeliveryDispute")
    public record DisputeView(String note, String disputedBy, OffsetDateTime disputedAt) {
    }

    @Schema(name = "Contribution")
    public record ContributionView(UUID id, UUID projectId, UUID partnerId, UUID needId, String type,
                                   @Schema(examples = "120") String quantity, String unit, MoneyView valuation, LocalDate dueDate,
                                   String description,
                                   @Schema(description = "PLEDGED, PARTIALLY_DELIVERED, DELIVERED (all recorded, not all confirmed), "
                                           + "FULFILLED (confirmed = pledged) or WITHDRAWN") String status,
                                   @Schema(description = "Deliveries that stand (unreviewed or confirmed); disputed ones do not count", examples = "50") String delivered,
                                   @Schema(examples = "70") String remaining,
                                   @Schema(description = "The undelivered remainder withdrawn") String withdrawn,
                                   String withdrawalReason,
                                   @Schema(description = "Past its due date and not fulfilled (computed on read)") boolean overdue,
                                   long version, OffsetDateTime createdAt,
                                   @JsonInclude(JsonInclude.Include.NON_NULL)
                                   @Schema(description = "The ledger entries (single-contribution reads only)") List<DeliveryView> deliveries,
                                   @Schema(description = "The part of delivered confirmed by the recipient side", examples = "30") String confirmed,
                                   @Schema(description = "Disputed deliveries awaiting resolution: not delivered, not remaining", examples = "0") String disputed) {

        static ContributionView of(Contribution c, LocalDate today) {
            return of(c, today, null);
        }

        static ContributionView of(Contribution c, LocalDate today, List<Delivery> deliveries) {
            return new ContributionView(c.id(), c.projectId(), c.partnerId(), c.needId(), c.type().name(),
                    Decimals.format(c.quantity()), c.unit(), MoneyView.of(c.valuation()), c.dueDate(), c.description(),
                    c.status().name(), Decimals.format(c.delivered()), Decimals.format(c.remaining()),
                    Decimals.format(c.withdrawn()), c.withdrawalReason(), c.isOverdue(today), c.version(), c.createdAt(),
                    deliveries == null ? null : deliveries.stream().map(DeliveryView::of).toList(),
                    Decimals.format(c.confirmed()), Decimals.format(c.disputed()));
        }
    }

    @Schema(name = "NeedPage")
    public record NeedPage(List<NeedView> items,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "RiskPage")
    public record RiskPage(List<RiskView> items,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "ContributionPage")
    public record ContributionPage(List<ContributionView> items,
                                   @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "DeliveryRecorded")
    public record DeliveryRecorded(DeliveryView delivery, ContributionView contribution) {
    }

    @Schema(name = "DeliveryReviewed", description = "The delivery reviewed and its contribution after the review")
    public record DeliveryReviewed(DeliveryView delivery, ContributionView contribution) {
    }

    @Schema(name = "RiskShareView")
    public record ShareView(UUID partnerId, @Schema(examples = "60") String sharePercent) {
    }

    @Schema(name = "RiskHistoryEntry")
    public record HistoryView(String from, String to, String note, String changedBy, OffsetDateTime changedAt) {
        static HistoryView of(RiskStatusChange c) {
            return new HistoryView(c.fromStatus() == null ? null : c.fromStatus().name(), c.toStatus().name(), c.note(),
                    c.changedBy(), c.changedAt());
        }
    }

    @Schema(name = "RiskShareRelease", description = "A share released because its partner left the project (withdrew or was "
            + "removed): it no longer counts toward allocatedPercent. Open until the lead allocates the risk again.")
    public record ReleaseView(UUID partnerId, @Schema(examples = "40") String sharePercent,
                              @Schema(examples = "the partner withdrew from the project") String reason,
                              @Schema(description = "What released it: the platform, on the named event") String releasedBy,
                              OffsetDateTime releasedAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "When the lead allocated the risk again; absent while open") OffsetDateTime reallocatedAt) {
        static ReleaseView of(RiskAllocationRelease r) {
            return new ReleaseView(r.partnerId(), Decimals.format(r.sharePercent()), r.reason(), r.releasedBy(), r.releasedAt(),
                    r.reallocatedAt());
        }
    }

    @Schema(name = "Risk")
    public record RiskView(UUID id, UUID projectId, String category, String title, String description, int likelihood,
                           int impact, @Schema(description = "likelihood × impact") int score, String mitigation,
                           UUID ownerPartnerId, String status, List<ShareView> allocations,
                           @Schema(examples = "100") String allocatedPercent,
                           @Schema(description = "Shares released because their partners left the project and not yet reallocated")
                           List<ReleaseView> releasedShares,
                           @Schema(description = "True when shares were released and the risk is not CLOSED: the lead is asked to reallocate it")
                           boolean reallocationNeeded,
                           long version, OffsetDateTime createdAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryView> history,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Every release of the risk's shares, open or reallocated (a single risk only)")
                           List<ReleaseView> releaseHistory) {

        static RiskView of(Risk r, List<RiskStatusChange> history) {
            return of(r, history, null);
        }

        static RiskView of(Risk r, List<RiskStatusChange> history, List<RiskAllocationRelease> releases) {
            return new RiskView(r.id(), r.projectId(), r.category().name(), r.title(), r.description(), r.likelihood(),
                    r.impact(), r.score(), r.mitigation(), r.ownerPartnerId(), r.status().name(),
                    r.allocations().stream().map(a -> new ShareView(a.partnerId(), Decimals.format(a.sharePercent()))).toList(),
                    Decimals.format(r.allocatedPercent()), r.openReleases().stream().map(ReleaseView::of).toList(),
                    r.needsReallocation(), r.version(), r.createdAt(),
                    history == null ? null : history.stream().map(HistoryView::of).toList(),
                    releases == null ? null : releases.stream().map(ReleaseView::of).toList());
        }
    }

    @Schema(name = "CommitmentItem", description = "A contribution with its project's title")
    public record CommitmentItem(@JsonUnwrapped ContributionView contribution, String projectTitle) {
    }

    @Schema(name = "TypeTotal", description = "delivered: deliveries that stand (disputed ones do not); confirmed: part of "
            + "delivered; disputed: awaiting resolution, not delivered, not remaining")
    public record TypeTotalView(String type, String unit, String pledged, String delivered, String remaining, String confirmed,
                                String disputed) {
    }

    @Schema(name = "CurrencyTotal", description = "Valuations pro rata of the quantities (see TypeTotal)")
    public record CurrencyTotalView(String currency, String pledged, String delivered, String remaining, String confirmed,
                                    String disputed) {
    }

    @Schema(name = "CommitmentTotals")
    public record TotalsView(List<TypeTotalView> byType, List<CurrencyTotalView> byCurrency) {
        static TotalsView of(CommitmentService.Totals t) {
            return new TotalsView(
                    t.byType().stream().map(x -> new TypeTotalView(x.type().name(), x.unit(), Decimals.format(x.pledged()),
                            Decimals.format(x.delivered()), Decimals.format(x.remaining()), Decimals.format(x.confirmed()),
                            Decimals.format(x.disputed()))).toList(),
                    t.byCurrency().stream().map(x -> new CurrencyTotalView(x.currency(), Money.format(x.pledged(), x.currency()),
                            Money.format(x.delivered(), x.currency()), Money.format(x.remaining(), x.currency()),
                            Money.format(x.confirmed(), x.currency()), Money.format(x.disputed(), x.currency()))).toList());
        }
    }

    @Schema(name = "Commitments", requiredProperties = {"partnerId", "items", "next", "totals"})
    public record CommitmentsView(UUID partnerId, List<CommitmentItem> items,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page of items") String next,
                                  TotalsView totals,
                                  @Schema(description = "Mean confirmed share of each pledge (0-1): unreviewed and disputed deliveries do not count yet; "
                                          + "withdrawals count against it",
                                          examples = "0.625") String fulfilmentRatio,
                                  long overdueCount,
                                  @Schema(description = "Σ score × share / 100 over the partner's risks not CLOSED", examples = "9")
                                  String riskExposure) {

        static CommitmentsView of(CommitmentService.PartnerCommitments c, String next) {
            var t = c.totals();
            return new CommitmentsView(c.partnerId(),
                    c.items().stream().map(i -> new CommitmentItem(ContributionView.of(i.contribution(), c.today()), i.projectTitle())).toList(),
                    next, TotalsView.of(t), Decimals.format(t.fulfilmentRatio()), t.overdueCount(), Decimals.format(t.riskExposure()));
        }
    }

    @Schema(name = "PartnerTotals")
    public record PartnerTotalsView(UUID partnerId, String partnerName, TotalsView totals, long contributions,
                                    String fulfilmentRatio, long overdueCount, String riskExposure) {
    }

    @Schema(name = "ProjectCommitments", requiredProperties = {"projectId", "partners"})
    public record ProjectCommitmentsView(UUID projectId, String projectTitle, List<PartnerTotalsView> partners) {
        static ProjectCommitmentsView of(CommitmentService.ProjectCommitments p) {
            Map<UUID, PartnerReplica> names = p.names();
            return new ProjectCommitmentsView(p.projectId(), p.projectTitle(), p.partners().stream()
                    .map(t -> new PartnerTotalsView(t.partnerId(), names.containsKey(t.partnerId()) ? names.get(t.partnerId()).name() : null,
                            TotalsView.of(t), t.contributions(), Decimals.format(t.fulfilmentRatio()), t.overdueCount(),
                            Decimals.format(t.riskExposure()))).toList());
        }
    }

    static String cursorOf(ContributionRepository.Item last) {
        return org.partnership.http.Page.cursor(last.contribution().createdAt().toString(), last.contribution().id().toString());
    }
}
