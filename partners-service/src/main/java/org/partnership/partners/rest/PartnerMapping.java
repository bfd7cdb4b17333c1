package org.partnership.partners.rest;

import org.partnership.partners.domain.Capability;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.rest.PartnerRequests.CapabilityRequest;
import org.partnership.partners.rest.PartnerRequests.UpdatePartnerRequest;

import java.util.List;

/** Between request bodies and the domain: merges of partial updates, query parameter parsing. */
final class PartnerMapping {

    private PartnerMapping() {
    }

    static List<Capability> capabilities(List<CapabilityRequest> requests) {
        return requests == null ? List.of()
                : requests.stream().map(c -> new Capability(c.tag().trim(), c.capacity(), c.unit())).toList();
    }

    /** The current profile with the fields the request sets. */
    static Partner.Profile merge(Partner.Profile current, UpdatePartnerRequest r) {
        return new Partner.Profile(
                r.name() != null ? r.name() : current.name(),
                r.legalForm() != null ? r.legalForm() : current.legalForm(),
                r.sector() != null ? r.sector() : current.sector(),
                r.level() != null ? r.level() : current.level(),
                r.serviceDomains() != null ? r.serviceDomains() : current.serviceDomains(),
                r.capabilities() != null ? capabilities(r.capabilities()) : current.capabilities(),
                r.description() != null ? r.description() : current.description(),
                r.website() != null ? r.website() : current.website(),
                r.contactEmail() != null ? r.contactEmail() : current.contactEmail());
    }
}
