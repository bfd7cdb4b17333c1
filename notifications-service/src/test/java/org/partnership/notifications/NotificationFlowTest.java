package org.partnership.notifications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.notifications.messaging.PartnerEventConsumer;
import org.partnership.notifications.messaging.ProjectEventConsumer;
import org.partnership.notifications.messaging.ResourceEventConsumer;
import org.partnership.notifications.service.DigestJob;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.GreenMailResource;
import org.partnership.testsupport.Mailbox;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.partnership.notifications.Fixtures.event;
import static org.partnership.notifications.Fixtures.subject;
import static org.partnership.testsupport.Database.awaitProcessed;
import static org.partnership.testsupport.Database.rows;
import static org.partnership.testsupport.Topics.sendEvent;

/** Events from the real broker become notifications in the app and e-mail through the real SMTP server (GreenMail). */
@QuarkusTest
class NotificationFlowTest {

    static final String API = "/api/v1/notifications";

    @Inject
    DigestJob digest;

    static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.user(username).roles("partner-rep").sign()).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An invitation of {@code partner} into a new project led by {@code lead}, sent through the broker; its event id. */
    static String invite(UUID lead, UUID partner, UUID project, String title) {
        String invited = event("partnership.participant.invited.v1", project.toString(), Map.of("projectId", project.toString(),
                "title", title, "leadPartnerId", lead.toString(), "partnerId", partner.toString(), "version", 2,
                "participants", List.of(Map.of("partnerId", lead.toString(), "role", "LEAD", "status", "ACCEPTED"),
                        Map.of("partnerId", partner.toString(), "role", "CO_PRODUCER", "status", "INVITED"))));
        return sendEvent("projects.v1", invited);
    }

    static String addMember(UUID partner, String username, String email, String locale) {
        return sendEvent("partners.v1", event("partnership.partner.member-added.v1", partner.toString(), Map.of("partnerId", partner.toString(),
                "userId", subject(username), "username", username, "email", email, "locale", locale)));
    }

    static List<Mailbox.Message> mailbox(String address) {
        return Mailbox.of(GreenMailResource.apiUrl(), address);
    }

    @Test
    void shouldNotifyTheInvitedPartnersMembersInTheAppAndByEmailInTheirLanguage() {
        String tom = unique("tom");
        String fiona = unique("fiona");
        String carla = unique("carla");
        String bank = unique("Riverside Food Bank");
        UUID partner = Fixtures.partner(bank, tom, tom + "@example.org", null);
        awaitProcessed(PartnerEventConsumer.CONSUMER, addMember(partner, fiona, fiona + "@example.org", "it"));
        UUID lead = Fixtures.partner(unique("City"), carla, carla + "@example.org", "en");
        UUID project = UUID.randomUUID();
        String title = unique("Housing First");
        awaitProcessed(ProjectEventConsumer.CONSUMER, invite(lead, partner, project, title));

        String id = as(tom).get(API).then().statusCode(200)
                .body("unread", is(1)).body("items", hasSize(1)).body("next", is((Object) null))
                .body("items[0].kind", is("INVITED")).body("items[0].read", is(false))
                .body("items[0].text", is(bank + " is invited to join the project \"" + title + "\""))
                .body("items[0].path", is("/invitations")).body("items[0].url", is("http://localhost:8080/console/invitations"))
                .body("items[0].projectId", is(project.toString())).body("items[0].partnerId", is(partner.toString()))
                .extract().path("items[0].id");
        as(fiona).header("Accept-Language", "it-IT,it;q=0.9").get(API).then().statusCode(200)
                .body("unread", is(1)).body("items[0].text", is(bank + " è invitato a partecipare al progetto \"" + title + "\""));
        // the lead is not told of its own invitation
        as(carla).get(API).then().statusCode(200).body("items", empty()).body("unread", is(0));

        // e-mail, each in the recipient's language, with the link into the console
        await().atMost(Fixtures.PATIENCE).untilAsserted(() -> {
            assertThat(mailbox(tom + "@example.org")).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("Partnership: " + bank + " is invited to join the project \"" + title + "\"");
                assertThat(mail.raw()).contains("http://localhost:8080/console/invitations").contains("Hello " + tom);
            });
            assertThat(mailbox(fiona + "@example.org")).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("Partnership: " + bank + " è invitato a partecipare al progetto \"" + title + "\"");
                assertThat(mail.raw()).contains("Ciao " + fiona);
            });
        });

        // nobody reads or marks another user's notification
        as(carla).post(API + "/" + id + "/read").then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:notification-not-found"));
        as(fiona).get(API).then().body("items.id", everyItem(is(org.hamcrest.Matchers.not(id))));
        as(tom).get(API).then().body("unread", is(1));

        as(tom).post(API + "/" + id + "/read").then().statusCode(204);
        as(tom).post(API + "/" + id + "/read").then().statusCode(204);
        as(tom).get(API).then().body("unread", is(0)).body("items[0].read", is(true));
        as(tom).get(API + "/unread-count").then().statusCode(200).body("unread", is(0));
        as(fiona).get(API + "/unread-count").then().statusCode(200).body("unread", is(1));
        as(fiona).post(API + "/read-all").then().statusCode(204);
        as(fiona).get(API).then().body("unread", is(0));
        as(fiona).queryParam("unread", "true").get(API).then().body("items", empty());
    }

    @Test
    void shouldNotifyAndEmailOnceWhenTheBrokerRedeliversAnEvent() {
        String tom = unique("tom");
        UUID partner = Fixtures.partner(unique("Food Bank"), tom, tom + "@example.org", "en");
        UUID lead = Fixtures.partner(unique("City"), unique("carla"), null, null);
        UUID project = UUID.randomUUID();
        String invited = event("partnership.participant.invited.v1", project.toString(), Map.of("projectId", project.toString(),
                "title", "Twice", "leadPartnerId", lead.toString(), "partnerId", partner.toString(), "version", 2,
                "participants", List.of(Map.of("partnerId", lead.toString(), "role", "LEAD", "status", "ACCEPTED"),
                        Map.of("partnerId", partner.toString(), "role", "CO_PRODUCER", "status", "INVITED"))));
        // the same record twice (a redelivery), then a later event of the same project (same partition) as a marker
        Topics.send("projects.v1", project.toString(), invited);
        Topics.send("projects.v1", project.toString(), invited);
        String marker = sendEvent("projects.v1", event("partnership.project.updated.v1", project.toString(), Map.of("projectId", project.toString(),
                "title", "Twice", "leadPartnerId", lead.toString(), "version", 3)));
        awaitProcessed(ProjectEventConsumer.CONSUMER, EventContracts.id(invited), marker);

        assertThat(rows("select id from notification where event_id = ?", EventContracts.id(invited))).hasSize(1);
        await().atMost(Fixtures.PATIENCE).untilAsserted(() -> assertThat(
                rows("select status from outgoing_mail where user_id = ?", subject(tom))).extracting(r -> r.get("status")).containsExactly("SENT"));
        assertThat(mailbox(tom + "@example.org")).hasSize(1);
        as(tom).get(API).then().body("items", hasSize(1)).body("unread", is(1));
    }

    @Test
    void shouldSendTheMailOnceTheSmtpServerIsBackAfterAnOutage() {
        String tom = unique("tom");
        String name = unique("Verified Bank");
        UUID partner = Fixtures.partner(name, tom, tom + "@example.org", "en");
        GreenMailResource.stopServer();
        try {
            sendEvent("partners.v1", event("partnership.partner.verified.v1", partner.toString(), Map.of("partnerId", partner.toString(),
                    "name", name, "status", "ACTIVE", "version", 1)));
            await().atMost(Fixtures.PATIENCE).untilAsserted(() -> assertThat(rows(
                    "select status, attempts, last_error from outgoing_mail where user_id = ?", subject(tom))).singleElement()
                    .satisfies(row -> {
                        assertThat(row.get("status")).isEqualTo("PENDING");
                        assertThat(Integer.parseInt(row.get("attempts"))).isGreaterThanOrEqualTo(1);
                        assertThat(row.get("last_error")).isNotBlank();
                    }));
            as(tom).get(API).then().body("items[0].kind", is("PARTNER_VERIFIED"));
        } finally {
            GreenMailResource.restart();
        }
        await().atMost(Fixtures.PATIENCE).untilAsserted(() -> assertThat(mailbox(tom + "@example.org")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Partnership: " + name
                        + " was verified: it can now be invited to projects and contribute")));
        assertThat(rows("select status from outgoing_mail where user_id = ?", subject(tom))).extracting(r -> r.get("status"))
                .containsExactly("SENT");
    }

    @Test
    void shouldRecordAMailFailedAfterEveryRetryAndShowItToAdministrators() {
        String tom = unique("tom");
        String name = unique("Suspended Bank");
        UUID partner = Fixtures.partner(name, tom, tom + "@example.org", "it");
        GreenMailResource.stopServer();
        try {
            sendEvent("partners.v1", event("partnership.partner.suspended.v1", partner.toString(), Map.of("partnerId", partner.toString(),
                    "name", name, "status", "SUSPENDED", "version", 1, "reason", "Verifica in corso")));
            await().atMost(Fixtures.PATIENCE).untilAsserted(() -> assertThat(rows(
                    "select status, attempts from outgoing_mail where user_id = ?", subject(tom))).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", "6")));
        } finally {
            GreenMailResource.restart();
        }
        given().auth().oauth2(Tokens.admin()).get(API + "/mail/failed").then().statusCode(200)
                .body("items.recipient", hasItem(tom + "@example.org"))
                .body("items.find { it.recipient == '" + tom + "@example.org' }.subject",
                        is("Partnership: " + name + " è stato sospeso da un amministratore: Verifica in corso"))
                .body("items.find { it.recipient == '" + tom + "@example.org' }.attempts", is(6));
        as(tom).get(API + "/mail/failed").then().statusCode(403).contentType("application/problem+json");
        // a failed mail stays failed (an administrator sees it), it is not sent behind their back later
        as(tom).header("Accept-Language", "it").get(API).then().body("items[0].kind", is("PARTNER_SUSPENDED"))
                .body("items[0].text", containsString("sospeso"));
    }

    @Test
    void shouldGatherDigestNotificationsIntoOneMailAndLeaveInAppOnesOutOfEmail() {
        String tom = unique("tom");
        UUID partner = Fixtures.partner(unique("Digest Bank"), tom, tom + "@example.org", "en");
        UUID lead = Fixtures.partner(unique("City"), unique("carla"), null, null);
        as(tom).body(Map.of("preferences", List.of(Map.of("kind", "INVITED", "channel", "DIGEST"),
                        Map.of("kind", "PARTNER_VERIFIED", "channel", "IN_APP"))))
                .put(API + "/preferences").then().statusCode(200)
                .body("preferences.find { it.kind == 'INVITED' }.channel", is("DIGEST"))
                .body("preferences.find { it.kind == 'PARTNER_VERIFIED' }.channel", is("IN_APP"))
                .body("preferences.find { it.kind == 'PLEDGE_OVERDUE' }.channel", is("EMAIL"))
                .body("preferences", hasSize(11));
        as(tom).get(API + "/preferences").then().statusCode(200).body("preferences.find { it.kind == 'INVITED' }.channel", is("DIGEST"));

        String first = invite(lead, partner, UUID.randomUUID(), "First");
        String second = invite(lead, partner, UUID.randomUUID(), "Second");
        String verified = sendEvent("partners.v1", event("partnership.partner.verified.v1", partner.toString(), Map.of("partnerId", partner.toString(),
                "name", "Digest Bank", "status", "ACTIVE", "version", 1)));
        awaitProcessed(ProjectEventConsumer.CONSUMER, first, second);
        awaitProcessed(PartnerEventConsumer.CONSUMER, verified);
        as(tom).get(API).then().body("items", hasSize(3));
        assertThat(rows("select id from outgoing_mail where user_id = ?", subject(tom))).isEmpty();

        assertThat(digest.run().await().atMost(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);
        assertThat(digest.run().await().atMost(Duration.ofSeconds(30))).isZero();
        await().atMost(Fixtures.PATIENCE).untilAsserted(() -> assertThat(mailbox(tom + "@example.org")).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Partnership: your daily digest (2 notifications)");
                    assertThat(mail.raw()).contains("\"First\"").contains("\"Second\"");
                }));
    }

    @Test
    void shouldTellTheLeadOfPledgesAndDeliveriesAndBothSidesOfAnOverduePledge() {
        String carla = unique("carla");
        String mark = unique("mark");
        UUID lead = Fixtures.partner(unique("City"), carla, null, null);
        String market = unique("Nordlicht");
        UUID contributor = Fixtures.partner(market, mark, null, null);
        UUID project = UUID.randomUUID();
        awaitProcessed(ProjectEventConsumer.CONSUMER, sendEvent("projects.v1", event("partnership.participant.accepted.v1", project.toString(),
                Map.of("projectId", project.toString(), "title", "Energy", "leadPartnerId", lead.toString(), "partnerId", contributor.toString(),
                        "version", 3, "participants", List.of(Map.of("partnerId", lead.toString(), "role", "LEAD", "status", "ACCEPTED"),
                                Map.of("partnerId", contributor.toString(), "role", "FUNDER", "status", "ACCEPTED"))))));
        Map<String, Object> contribution = Map.of("contributionId", UUID.randomUUID().toString(), "projectId", project.toString(),
                "partnerId", contributor.toString(), "quantity", "500", "unit", "EUR", "dueDate", "2026-01-31");
        String pledged = sendEvent("resources.v1", event("partnership.contribution.pledged.v1", contribution.get("contributionId").toString(), contribution));
        String overdue = sendEvent("resources.v1", event("partnership.contribution.overdue.v1", contribution.get("contributionId").toString(), contribution));
        awaitProcessed(ResourceEventConsumer.CONSUMER, pledged, overdue);

        as(carla).get(API).then().body("items.kind", contains("PLEDGE_OVERDUE", "PLEDGE_RECEIVED", "INVITATION_ANSWERED"))
                .body("items[1].text", is(market + " pledged 500 EUR to \"Energy\""))
                .body("items[0].text", is("The pledge of 500 EUR by " + market + " to \"Energy\" was due on 2026-01-31 and is overdue"))
                .body("items[0].path", is("/projects/" + project));
        as(mark).get(API).then().body("items.kind", contains("PLEDGE_OVERDUE"))
                .body("items[0].path", is("/contributions"));
        // the contributor was told nothing of its own acceptance; the lead was (and its list pages)
        as(carla).queryParam("limit", 1).get(API).then().body("items", hasSize(1)).body("next", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldRefuseCallsWithoutATokenAndInvalidInput() {
        given().get(API).then().statusCode(401).contentType("application/problem+json");
        as(unique("x")).queryParam("cursor", "garbage").get(API).then().statusCode(400).contentType("application/problem+json");
        as(unique("x")).queryParam("limit", "0").get(API).then().statusCode(400);
        as(unique("x")).post(API + "/not-a-uuid/read").then().statusCode(400);
        as(unique("x")).post(API + "/" + UUID.randomUUID() + "/read").then().statusCode(404);
        as(unique("x")).body(Map.of("preferences", List.of(Map.of("kind", "NOPE", "channel", "EMAIL")))).put(API + "/preferences")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", endsWith("kind"));
        as(unique("x")).body(Map.of("preferences", List.of(Map.of("kind", "INVITED", "channel", "SMOKE_SIGNALS")))).put(API + "/preferences")
                .then().statusCode(400);
    }
}
