package org.partnership.audit.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain and the changed fields: pure functions, no application needed. */
class AuditChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AuditEntry entry(String actor) {
        return new AuditEntry(0, UUID.fromString("00000000-0000-4000-8000-000000000001"), Instant.parse("2026-12-04T10:00:00.123456Z"),
                "/partners-service", "partnership.partner.verified.v1", "partner", "p1", null, UUID.fromString("a0000000-0000-4000-8000-000000000002"), "sub", actor, null,
                "admin", "req-1", null, null, null, null);
    }

    @Test
    void shouldLinkEachEntryToThePreviousAndDetectAnyChange() {
        AuditEntry first = entry("ada").chained(1, AuditChain.GENESIS);
        AuditEntry second = entry("ada").chained(2, first.hash());
        assertThat(first.hash()).hasSize(64).isNotEqualTo(second.hash());
        assertThat(AuditChain.broken(first, AuditChain.GENESIS)).isNull();
        assertThat(AuditChain.broken(second, first.hash())).isNull();

        AuditEntry edited = new AuditEntry(2, second.eventId(), second.eventTime(), second.source(), second.action(), second.objectType(),
                second.objectId(), second.projectId(), second.partnerId(), second.actorSub(), "mallory", second.actorPartnerId(),
                second.actorRoles(), second.correlationId(), second.causationId(), second.changes(), second.prevHash(), second.hash());
        assertThat(AuditChain.broken(edited, first.hash())).contains("changed");
        assertThat(AuditChain.broken(second, AuditChain.GENESIS)).contains("previous hash");
        // the same content hashes the same, always
        assertThat(entry("ada").chained(1, AuditChain.GENESIS).hash()).isEqualTo(first.hash());
    }

    @Test
    void shouldRecordTheChangedFieldsBeforeAndAfter() throws Exception {
        String before = "{\"status\":\"PLEDGED\",\"quantity\":\"120\",\"unit\":\"hours\",\"version\":0,\"dueDate\":\"2027-01-01\"}";
        var after = JSON.readTree("{\"status\":\"WITHDRAWN\",\"quantity\":\"120\",\"unit\":\"days\",\"version\":1}");

        var changes = JSON.readTree(EventFacts.changes(before, after));

        assertThat(changes.fieldNames()).toIterable().containsExactlyInAnyOrder("status", "unit", "dueDate");
        assertThat(changes.path("status").path("before").asText()).isEqualTo("PLEDGED");
        assertThat(changes.path("status").path("after").asText()).isEqualTo("WITHDRAWN");
        assertThat(changes.path("dueDate").has("after")).isFalse();
        assertThat(JSON.readTree(EventFacts.changes(null, after)).path("status").has("before")).isFalse();
        assertThat(EventFacts.changes(after.toString(), after)).isNull();
    }

    @Test
    void shouldNameTheObjectByTheTypesAggregate() throws Exception {
        var event = JSON.readTree("{\"type\":\"partnership.delivery.confirmed.v1\",\"subject\":\"c1\",\"data\":{\"contributionId\":\"c1\"}}");
        assertThat(EventFacts.objectType("partnership.delivery.confirmed.v1")).isEqualTo("delivery");
        assertThat(EventFacts.objectId(event)).isEqualTo("c1");
        var risk = JSON.readTree("{\"type\":\"partnership.risk.allocated.v1\",\"subject\":\"r1\",\"data\":{\"riskId\":\"r9\"}}");
        assertThat(EventFacts.objectId(risk)).isEqualTo("r9");
    }
}
