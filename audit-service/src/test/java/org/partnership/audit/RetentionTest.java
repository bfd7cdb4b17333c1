package org.partnership.audit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.audit.service.RetentionJob;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.Tokens;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Entries are kept for the configured retention (default ten years) and the API has no way to remove or change one:
 * every other method on the audit resources is a 405 problem, also for an administrator; the retention job run now
 * removes nothing recorded within the retention, and the chain still verifies.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionJob retention;

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
}
