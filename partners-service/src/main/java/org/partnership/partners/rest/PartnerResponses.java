package org.partnership.partners.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.partners.domain.Caller;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.PartnerMember;
import org.partnership.partners.domain.PendingChange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies of the partners API. */
public final class PartnerResponses {

    private PartnerResponses() {
    }

    @Schema(name = "CapabilityView")
    public record CapabilityView(String tag,
                                 @Schema(type = SchemaType.STRING, examples = "40") String capacity,
                                 String unit) {
    }

    /**
     * A partner. {@code contactEmail}, {@code statusReason}, {@code pendingChange} and {@code changeRejection} are
     * private: only the partner's own members, administrators and auditors get them.
     */
    @Schema(name = "Partner")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerView(UUID id, String name, String legalForm, String registrationNumber, String country,
                              String sector, String level, List<String> serviceDomains, List<CapabilityView> capabilities,
                              String description, String website, String contactEmail, String status,
                              String statusReason,
                              @Schema(description = "A member's change of name, legal form or sector waiting for an administrator; "
                                      + "left out when none is pending. The fields above are the values in force.")
                              PendingChangeView pendingChange,
                              @Schema(description = "Why an administrator rejected the last proposed change; left out when none was rejected "
                                      + "since the last approval")
                              ChangeRejectionView changeRejection,
                              long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static PartnerView of(Partner p, Caller caller) {
            boolean privateFields = caller.seesPrivateFieldsOf(p);
            return new PartnerView(p.id(), p.name(), p.legalForm(), p.registrationNumber(), p.country(), p.sector().name(),
                    p.level().name(), p.serviceDomains().stream().map(Enum::name).toList(),
                    p.capabilities().stream().map(c -> new CapabilityView(c.tag(),
                            c.capacity() == null ? null : c.capacity().toPlainString(), c.unit())).toList(),
                    p.description(), p.website(), privateFields ? p.contactEmail() : null, p.status().name(),
                    privateFields ? p.statusReason() : null,
                    privateFields ? PendingChangeView.of(p.pendingChange()) : null,
                    privateFields && p.changeRejectionReason() != null
                            ? new ChangeRejectionView(p.changeRejectionReason(), p.changeRejectedAt()) : null,
                    p.version(), p.createdAt(), p.updatedAt());
        }
    }

    /** The proposed values (only those that would change) and who proposed them, when. */
    @Schema(name = "PendingChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PendingChangeView(String name, String legalForm,
                                    @Schema(enumeration = {"PUBLIC", "THIRD_SECTOR", "MARKET", "COMMUNITY"}) String sector,
                                    @Schema(required = true) String proposedBy,
                                    @Schema(required = true) OffsetDateTime proposedAt) {

        static PendingChangeView of(PendingChange change) {
            return change == null ? null : new PendingChangeView(change.name(), change.legalForm(),
                    change.sector() == null ? null : change.sector().name(), change.proposedBy(), change.proposedAt());
        }
    }

    @Schema(name = "ChangeRejection")
    public record ChangeRejectionView(@Schema(required = true) String reason, @Schema(required = true) OffsetDateTime rejectedAt) {
    }

    @Schema(name = "PartnerPage")
    public record PartnerPage(List<PartnerView> items,
                              @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "MemberPage")
    public record MemberPage(List<MemberView> items,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "Member")
    public record MemberView(String userId, String username, OffsetDateTime joinedAt) {
        static MemberView of(PartnerMember m) {
            return new MemberView(m.userId(), m.username(), m.joinedAt());
        }
    }
}
