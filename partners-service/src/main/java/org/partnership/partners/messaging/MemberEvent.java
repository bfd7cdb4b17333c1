package org.partnership.partners.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.partners.domain.Caller;
import org.partnership.partners.domain.PartnerMember;

import java.util.UUID;

/**
 * The data of {@code partnership.partner.member-added.v1} and {@code .member-removed.v1}
 * (contracts/events/partnership.partner.member-*.v1.schema.json): who joined or left which partner, and who did it
 * ({@code by}, their token subject, and {@code byUsername}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberEvent(UUID partnerId, String userId, String username, String by, String byUsername, String email,
                          String locale) {

    public static MemberEvent of(PartnerMember member, Caller caller) {
        return of(member, caller, null, null);
    }

    /**
     * With the member's e-mail address and language as their account has them, when known (notifications-service
     * writes to them from these events; it never reads Keycloak or this service's database).
     */
    public static MemberEvent of(PartnerMember member, Caller caller, String email, String locale) {
        return new MemberEvent(member.partnerId(), member.userId(), member.username(), caller.subject(), caller.username(),
                email, locale);
    }
}
