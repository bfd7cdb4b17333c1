package org.partnership.partners.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, as far as partner rules care: the token subject, realm roles, and the partner they represent
 * (from the {@code partner_id} claim, or their membership recorded here before the claim exists).
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> partnerId) {

    /** The same caller once they represent {@code partner} (e.g. right after registering it). */
    public Caller withPartner(UUID partner) {
        return new Caller(subject, username, roles, Optional.of(partner));
    }

    /** How the caller is named to others (e.g. as who proposed a change): the username, else the subject. */
    public String displayName() {
        return username == null || username.isBlank() ? subject : username;
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isAuditor() {
        return roles.contains("auditor");
    }

    public boolean isMemberOf(UUID partner) {
        return partnerId.filter(partner::equals).isPresent();
    }

    /** Members, administrators and auditors see contact details, members and status reasons. */
    public boolean seesPrivateFieldsOf(Partner partner) {
        return isAdmin() || isAuditor() || isMemberOf(partner.id());
    }

    /** Everyone sees ACTIVE partners; other statuses only administrators, auditors and the partner's own members. */
    public boolean sees(Partner partner) {
        return partner.status() == PartnerStatus.ACTIVE || seesPrivateFieldsOf(partner);
    }

    /** Whether lists may include partners in this status for this caller. */
    public boolean mayList(PartnerStatus status) {
        return status == PartnerStatus.ACTIVE || isAdmin() || isAuditor();
    }

    public void requireMemberOf(Partner partner) {
        if (!isMemberOf(partner.id())) {
            throw new PartnerAccessDeniedException("only representatives of " + partner.name() + " may change it");
        }
    }
}
