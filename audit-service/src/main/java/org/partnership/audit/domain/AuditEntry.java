package org.partnership.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the audit trail: who ({@code actor*}) did what ({@code action}, the event type) to which object, in
 * which project and for which partner, when, under which request ({@code correlationId}) and because of which event
 * ({@code causationId}), and the fields it changed ({@code changes}, JSON {@code {field: {before, after}}}). {@code seq}
 * is its position in the chain, {@code prevHash} the previous entry's hash and {@code hash} its own.
 */
public record AuditEntry(long seq, UUID eventId, Instant eventTime, String source, String action, String objectType,
                         String objectId, UUID projectId, UUID partnerId, String actorSub, String actorUsername,
                         UUID actorPartnerId, String actorRoles, String correlationId, String causationId, String changes,
                         String prevHash, String hash) {

    /** The same entry placed in the chain: at {@code seq}, after the entry whose hash is {@code prevHash}. */
    public AuditEntry chained(long seq, String prevHash) {
        AuditEntry placed = new AuditEntry(seq, eventId, eventTime, source, action, objectType, objectId, projectId, partnerId,
                actorSub, actorUsername, actorPartnerId, actorRoles, correlationId, causationId, changes, prevHash, null);
        return new AuditEntry(seq, eventId, eventTime, source, action, objectType, objectId, projectId, partnerId, actorSub,
                actorUsername, actorPartnerId, actorRoles, correlationId, causationId, changes, prevHash, AuditChain.hash(placed));
    }

    /** Every hashed field, in a fixed order (the hash covers all of them and the previous hash). */
    List<String> content() {
        return new ArrayList<>(Arrays.asList(Long.toString(seq), str(eventId), eventTime == null ? null : eventTime.toString(),
                source, action, objectType, objectId, str(projectId), str(partnerId), actorSub, actorUsername, str(actorPartnerId),
                actorRoles, correlationId, causationId, changes, prevHash));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
