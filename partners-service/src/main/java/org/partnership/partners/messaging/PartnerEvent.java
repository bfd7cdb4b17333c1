package org.partnership.partners.messaging;

import org.partnership.partners.domain.Partner;

import java.util.List;
import java.util.UUID;

/**
 * The data of every {@code partnership.partner.*.v1} event (types in {@link PartnerEvents}): the partner's public snapshot after the change
 * (contracts/events/partnership.partner.*.v1.schema.json), plus the administrator's reason for status changes.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record PartnerEvent(UUID partnerId, String name, String sector, String level, String country,
                           List<String> serviceDomains, List<CapabilityData> capabilities, String status, long version,
                           String reason, FirstMember registeredBy) {

    public record CapabilityData(String tag, String capacity, String unit) {
    }

    /**
     * Registration only: the registering user, who became the partner's first member (absent when an administrator
     * registered it on someone's behalf), with their e-mail address and language when their token carried them.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record FirstMember(String userId, String username, String email, String locale) {
    }

    /** The same snapshot naming its first member. */
    public PartnerEvent registeredBy(FirstMember member) {
        return new PartnerEvent(partnerId, name, sector, level, country, serviceDomains, capabilities, status, version, reason, member);
    }

    /**
     * The snapshot after the change. {@code version} is the version the row will have once the transaction commits
     * (Hibernate increments it on flush), so replicas can drop stale events.
     */
    public static PartnerEvent of(Partner partner, long version, String reason) {
        return new PartnerEvent(partner.id(), partner.name(), partner.sector().name(), partner.level().name(),
                partner.country(), partner.serviceDomains().stream().map(Enum::name).toList(),
                partner.capabilities().stream().map(c -> new CapabilityData(c.tag(),
                        c.capacity() == null ? null : c.capacity().toPlainString(), c.unit())).toList(),
                partner.status().name(), version, reason, null);
    }

}
