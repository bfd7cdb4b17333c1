package org.partnership.partners.domain;

import java.util.UUID;

/** No such partner, or none the caller may see (the two are indistinguishable on purpose). */
public class PartnerNotFoundException extends RuntimeException {

    public PartnerNotFoundException(UUID id) {
        super("partner " + id + " does not exist or is not visible to you");
    }
}
