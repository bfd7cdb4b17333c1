package org.partnership.audit.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.audit.domain.AuditEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One entry of the audit trail as the API shows it. */
@Schema(name = "AuditEntry", description = "One event of the platform: who did what, to which object, when, under which request and why")
public record AuditEntryView(
        @Schema(description = "Position in the hash chain (1, 2, ...); newer entries have higher numbers") long seq,
        @Schema(description = "The CloudEvent id (one entry per event)") UUID eventId,
        @Schema(description = "When the change was committed (the event's time)") Instant time,
        @Schema(description = "Who caused it; absent for events published before actors were recorded") ActorView actor,
        @Schema(description = "The event type, e.g. partnership.partner.verified.v1") String action,
        @Schema(description = "The object the event is about") ObjectView object,
        @Schema(description = "The project the event belongs to, if any") UUID projectId,
        @Schema(description = "The partner the event is about, if any") UUID partnerId,
        @Schema(description = "X-Request-Id of the request that caused it") String correlationId,
        @Schema(description = "Id of the event whose processing caused it (system actors)") String causationId,
        @Schema(description = "The fields this event changed: {field: {before, after}} (before absent for a new value)") Map<String, Object> changes,
        @Schema(description = "SHA-256 of the previous entry (hex)") String prevHash,
        @Schema(description = "SHA-256 of this entry's content and prevHash (hex)") String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Schema(name = "AuditActor", description = "A user (from the verified token) or the system (sub and username 'system:<job>')")
    public record ActorView(String sub, String username, UUID partnerId, List<String> roles) {
    }

    @Schema(name = "AuditObject")
    public record ObjectView(@Schema(description = "e.g. partner, project, participant, contribution, delivery, risk") String type,
                             String id) {
    }

    static AuditEntryView of(AuditEntry e) {
        ActorView actor = e.actorSub() == null && e.actorUsername() == null ? null : new ActorView(e.actorSub(), e.actorUsername(),
                e.actorPartnerId(), e.actorRoles() == null ? List.of() : Arrays.asList(e.actorRoles().split(",")));
        Map<String, Object> changes = null;
        if (e.changes() != null) {
            try {
                changes = JSON.readValue(e.changes(), new TypeReference<Map<String, Object>>() { });
            } catch (java.io.IOException ignored) {
                changes = null;
            }
        }
        return new AuditEntryView(e.seq(), e.eventId(), e.eventTime(), actor, e.action(), new ObjectView(e.objectType(), e.objectId()),
                e.projectId(), e.partnerId(), e.correlationId(), e.causationId(), changes, e.prevHash(), e.hash());
    }
}
