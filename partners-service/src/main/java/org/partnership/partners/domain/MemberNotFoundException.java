package org.partnership.partners.domain;

import java.util.UUID;

/** No such member of a partner the caller may see (404). */
public class MemberNotFoundException extends RuntimeException {

    public MemberNotFoundException(UUID partnerId, String userId) {
        super("user " + userId + " is not a member of partner " + partnerId);
    }
}
