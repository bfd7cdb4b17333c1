package org.partnership.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import io.smallrye.mutiny.Uni;
import org.partnership.audit.service.AuditWriter;
import org.partnership.audit.service.RetentionJob;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Entries are kept for the configured retention (default ten years) and the API has no way to remove or change one:
 * every other method on the audit resources is a 405 problem, also for an administrator; the retention job run now
 * removes nothing recorded within the retention, and the chain still verifies. Run with a clock ten years on, it
 * removes what was recorded before then from the start of the chain, keeps the rest, and the kept chain still
 * verifies from the anchor it leaves; the next entry links to that anchor.
 *
 * <p>The database is shared with the other tests: removing entries from the start of the one chain removes theirs too,
 * which is what the job must do to everything recorded before the cutoff. So the assertions name this test's own
 * events, and each run first lets the topics expire (as Kafka does long before the trail's retention), so that a test
 * reading the topics from their start afterwards (RedeliveryTest) finds no removed entry's record.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionJob retention;

    @Inject
    AuditWriter writer;

    @Test
    void shouldRecordTimesThatNeverDecreaseAlongTheChainWhenEventsArriveConcurrently() {
        List<ObjectNode> events = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID partner = UUID.randomUUID();
            events.add(Events.event("partnership.partner.verified.v1", "/partners-service", partner.toString(),
                    Events.user("ada-" + partner, null, "admin"), "concurrent-" + i, d -> d.put("partnerId", partner.toString())));
        }

        Uni.join().all(events.stream().map(writer::record).toList()).andFailFast().await().atMost(Duration.ofSeconds(60));

        String ids = "{" + String.join(",", events.stream().map(e -> e.path("id").asText()).toList()) + "}";
        assertThat(Database.longValue("select count(*) from audit_entry where event_id = any(cast(? as uuid[]))", ids))
                .isEqualTo(events.size());
        // along the chain (seq order), no entry was recorded before the one before it
        assertThat(Database.longValue("select count(*) from (select recorded_at < lag(recorded_at) over (order by seq) as earlier"
                + " from audit_entry where event_id = any(cast(? as uuid[]))) chain where earlier", ids))
                .as("entries recorded earlier than the entry before them").isZero();
    }

    @Test
    void shouldOfferNoWayToChangeOrDeleteAnEntry() {
        AuditTrailTest.world();
        long seq = Database.longValue("select max(seq) from audit_entry");
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/" + seq, "/api/v1/audit/export", "/api/v1/audit/verify")) {
            for (String method : List.of("DELETE", "PUT", "PATCH", "POST")) {
                for (String token : List.of(Tokens.admin(), Tokens.auditor())) {
                    int status = given().auth().oauth2(token).contentType("application/json").body("{}").request(method, path)
                            .then().extract().statusCode();
                    assertThat(status).as("%s %s", method, path).isIn(404, 405);
                    if (status == 405) {
                        given().auth().oauth2(token).contentType("application/json").body("{}").request(method, path).then()
                                .contentType(startsWith("application/problem+json")).body("status", is(405))
                                .body("type", endsWith("method-not-allowed"));
                    }
                }
            }
        }
        for (String method : List.of("DELETE", "PUT", "PATCH", "POST")) {
            given().auth().oauth2(Tokens.admin()).contentType("application/json").body("{}").request(method, "/api/v1/audit")
                    .then().statusCode(405);
        }
        assertThat(Database.longValue("select max(seq) from audit_entry")).isEqualTo(seq);
        assertThat(Database.longValue("select count(*) from audit_entry where seq = ?", seq)).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryEntryWithinTheRetention() {
        AuditTrailTest.world();
        assertThat(retention.retention()).as("partnership.audit.retention (default)").isEqualTo(Period.ofYears(10));
        long entries = Database.longValue("select count(*) from audit_entry");
        long anchors = Database.longValue("select count(*) from audit_anchor");

        assertThat(retention.run().await().atMost(Duration.ofSeconds(30))).isZero();

        assertThat(Database.longValue("select count(*) from audit_entry")).isEqualTo(entries);
        assertThat(Database.longValue("select count(*) from audit_anchor")).isEqualTo(anchors);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    @Test
    void shouldRemoveWhatWasRecordedBeforeTheRetentionFromTheStartOfTheChainAndKeepTheRestVerifiable() {
        List<ObjectNode> old = AuditTrailTest.world().events();
        Instant cutoff = Instant.now();
        Events.expireTopics();
        List<ObjectNode> recent = AuditTrailTest.world().events();

        int removed = retention.run(retentionAfter(cutoff)).await().atMost(Duration.ofSeconds(30));

        assertThat(old).allSatisfy(event -> assertThat(entries(event)).as("an entry recorded before the cutoff").isZero());
        assertThat(recent).allSatisfy(event -> assertThat(entries(event)).as("an entry recorded after the cutoff").isOne());
        assertThat(removed).isGreaterThanOrEqualTo(old.size());
        assertThat(Database.longValue("select count(*) from audit_entry where recorded_at < ?", cutoff.atOffset(ZoneOffset.UTC))).isZero();
        // the kept chain starts right after the anchor: the last removed entry's position and hash
        Map<String, String> anchor = anchor();
        Map<String, String> first = Database.rows("select seq, prev_hash from audit_entry order by seq limit 1").get(0);
        assertThat(Long.parseLong(first.get("seq"))).isEqualTo(Long.parseLong(anchor.get("seq")) + 1);
        assertThat(first.get("prev_hash")).isEqualTo(anchor.get("hash"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true)).body("firstBroken", nullValue())
                .body("entries", is((int) Database.longValue("select count(*) from audit_entry")));
        // nothing left to remove at that time
        assertThat(retention.run(retentionAfter(cutoff)).await().atMost(Duration.ofSeconds(30))).isZero();
        assertThat(anchor()).isEqualTo(anchor);
    }

    @Test
    void shouldLinkTheNextEntryToTheAnchorOnceEveryEntryWasRemoved() {
        AuditTrailTest.world();
        Instant cutoff = Instant.now();
        Events.expireTopics();

        retention.run(retentionAfter(cutoff)).await().atMost(Duration.ofSeconds(30));

        assertThat(Database.longValue("select count(*) from audit_entry")).isZero();
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true)).body("entries", is(0));
        Map<String, String> anchor = anchor();
        UUID partner = UUID.randomUUID();
        ObjectNode next = Events.event("partnership.partner.verified.v1", "/partners-service", partner.toString(),
                Events.user("ada-" + partner, null, "admin"), "after-retention", d -> d.put("partnerId", partner.toString()));
        Events.send("partners.v1", next);
        await().atMost(AuditTrailTest.PATIENCE).until(() -> entries(next) == 1);

        Map<String, String> entry = Database.rows("select seq, prev_hash from audit_entry where event_id = cast(? as uuid)",
                next.path("id").asText()).get(0);
        assertThat(Long.parseLong(entry.get("seq"))).isEqualTo(Long.parseLong(anchor.get("seq")) + 1);
        assertThat(entry.get("prev_hash")).isEqualTo(anchor.get("hash"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true)).body("entries", is(1)).body("lastSeq", is(Integer.parseInt(entry.get("seq"))));
    }

    /**
     * The time at which the configured retention has passed since {@code cutoff}: the job run then removes what was
     * recorded before it. (A 29 February has no day ten years later; the test is skipped then.)
     */
    private Instant retentionAfter(Instant cutoff) {
        OffsetDateTime later = cutoff.atOffset(ZoneOffset.UTC).plus(retention.retention());
        assumeTrue(later.minus(retention.retention()).toInstant().equals(cutoff), "no day " + retention.retention() + " after " + cutoff);
        return later.toInstant();
    }

    private static long entries(ObjectNode event) {
        return Database.longValue("select count(*) from audit_entry where event_id = cast(? as uuid)", event.path("id").asText());
    }

    private static Map<String, String> anchor() {
        return Database.rows("select seq, hash from audit_anchor").get(0);
    }
}
