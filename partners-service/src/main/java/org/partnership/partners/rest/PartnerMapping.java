package org.partnership.partners.rest;

import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.partners.domain.Capability;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.rest.PartnerRequests.CapabilityRequest;
import org.partnership.partners.rest.PartnerRequests.UpdatePartnerRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.badRequest("validation", parameter + " must be one of " + allowed,
                    List.of(new Problem.FieldError(parameter, "one of " + allowed)));
        }
    }

    static String blankToNull(String value, int max, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest("validation", parameter + " is longer than " + max + " characters",
                    List.of(new Problem.FieldError(parameter, "at most " + max + " characters")));
        }
        return value.trim();
    }
}
