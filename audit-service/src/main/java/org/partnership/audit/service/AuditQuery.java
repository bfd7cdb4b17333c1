package org.partnership.audit.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A listing's filters (all optional, combined with AND): project, partner (the entry's partner or the acting user's),
 * actor (username or subject), type (the action), event time from (inclusive) and to (exclusive), correlation id.
 */
public record AuditQuery(UUID projectId, UUID partnerId, String actor, String type, Instant from, Instant to,
                         String correlationId) {
}
