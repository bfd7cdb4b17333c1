package org.partnership.notifications;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.notifications.messaging.ProjectEventConsumer;
import org.partnership.notifications.service.ProposalReminderJob;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.GreenMailResource;
import org.partnership.testsupport.Mailbox;
import org.partnership.testsupport.Topics;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.partnership.notifications.Fixtures.event;
import static org.partnership.notifications.Fixtures.subject;
import static org.partnership.notifications.NotificationFlowTest.API;
import static org.partnership.notifications.NotificationFlowTest.as;
import static org.partnership.notifications.NotificationFlowTest.unique;
import static org.partnership.testsupport.Database.awaitProcessed;
import static org.partnership.testsupport.Database.rows;
import static org.partnership.testsupport.Topics.sendEvent;

/**
 * "A proposal is about to expire": from projects.v1's proposal events through the real broker into this service's own
 * table, then the reminder job (run here by hand twice) tells the participants that have not voted, once.
 */
@QuarkusTest
class ProposalReminderTest {

    @Inject
    ProposalReminderJob job;

    record Partnership(UUID project, String title, UUID lead, UUID bank, UUID company, String carla, String fiona, String marco) {
    }

    /** A city leading a project with a food bank and a company, each partner with one member (Fiona in Italian). */
    static Partnership partnership() {
        String carla = unique("carla");
        String fiona = unique("fiona");
        String marco = unique("marco");
        UUID lead = Fixtures.partner(unique("City"), carla, carla + "@example.org", "en");
        UUID bank = Fixtures.partner(unique("Food Bank"), fiona, fiona + "@example.org", "it");
        UUID company = Fixtures.partner(unique("Company"), marco, marco + "@example.org", "en");
        UUID project = UUID.randomUUID();
        String title = unique("Housing First");
        awaitProcessed(ProjectEventConsumer.CONSUMER, sendEvent("projects.v1", event("partnership.project.updated.v1", project.toString(),
                Map.of("projectId", project.toString(), "title", title, "leadPartnerId", lead.toString(), "version", 5,
                        "participants", List.of(Map.of("partnerId", lead.toString(), "role", "LEAD", "status", "ACCEPTED"),
                                Map.of("partnerId", bank.toString(), "role", "CO_PRODUCER", "status", "ACCEPTED"),
                                Map.of("partnerId", company.toString(), "role", "CO_PRODUCER", "status", "ACCEPTED"))))));
        return new Partnership(project, title, lead, bank, company, carla, fiona, marco);
    }

    static String proposal(String type, Partnership p, UUID proposal, String title, OffsetDateTime deadline, Map<String, Object> more) {
        Map<String, Object> changes = new java.util.HashMap<>(Map.of("proposalId", proposal.toString(), "projectId", p.project().toString(),
                "title", title, "deadline", deadline.toInstant().toString(), "proposedByPartnerId", p.lead().toString()));
        changes.putAll(more);
        return event("partnership.proposal." + type + ".v1", p.project().toString(), changes);
    }

    /** One run of the job, as the scheduler makes it (on a Vert.x context). */
    int run() {
        try {
            return VertxContextSupport.subscribeAndAwait(job::run);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static List<Map<String, String>> reminders(String username) {
        return rows("select event_id from notification where user_id = ? and kind = 'PROPOSAL_EXPIRING'", subject(username));
    }

    @Test
    void shouldRemindTheParticipantsThatHaveNotVotedOnceInTheirLanguageEvenWithRedeliveryAndTwoRuns() {
        Partnership p = partnership();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        UUID soon = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String opened = proposal("opened", p, soon, "Launch the project", now.plusHours(3), Map.of());
        // a redelivery of the opening, a vote by the lead, and a proposal whose deadline is two days away
        Topics.send("projects.v1", p.project().toString(), opened);
        Topics.send("projects.v1", p.project().toString(), opened);
        String voted = sendEvent("projects.v1", proposal("voted", p, soon, "Launch the project", now.plusHours(3), Map.of("status", "OPEN",
                "vote", Map.of("partnerId", p.lead().toString(), "choice", "APPROVE", "votedBy", subject(p.carla()),
                        "votedAt", now.toInstant().toString()))));
        String far = sendEvent("projects.v1", proposal("opened", p, later, "Change the need", now.plusHours(48), Map.of()));
        awaitProcessed(ProjectEventConsumer.CONSUMER, EventContracts.id(opened), voted, far);

        assertThat(run()).isGreaterThanOrEqualTo(1);
        // a second run (as another replica's would) finds nothing left to remind of
        run();
        run();

        String deadline = now.plusHours(3).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC";
        as(p.marco()).get(API).then().statusCode(200)
                .body("items.findAll { it.kind == 'PROPOSAL_EXPIRING' }.text", is(List.of("The proposal \"Launch the project\" in \""
                        + p.title() + "\" expires at " + deadline + " and waits for your vote")))
                .body("items.findAll { it.kind == 'PROPOSAL_EXPIRING' }.path", is(List.of("/projects/" + p.project())));
        assertThat(reminders(p.fiona())).extracting(r -> r.get("event_id")).containsExactly("proposal-expiring:" + soon);
        assertThat(reminders(p.marco())).hasSize(1);
        // the lead voted: not reminded; the far proposal: nobody yet
        assertThat(reminders(p.carla())).isEmpty();
        as(p.carla()).get(API).then().body("items.kind", not(hasItem("PROPOSAL_EXPIRING")));

        await().atMost(Fixtures.PATIENCE).untilAsserted(() -> {
            assertThat(Mailbox.of(GreenMailResource.apiUrl(), p.fiona() + "@example.org"))
                    .filteredOn(mail -> mail.subject().contains("scade il")).singleElement()
                    .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Partnership: La proposta \"Launch the project\" in \""
                            + p.title() + "\" scade il " + deadline + " e attende il tuo voto"));
            assertThat(Mailbox.of(GreenMailResource.apiUrl(), p.marco() + "@example.org"))
                    .filteredOn(mail -> mail.subject().contains("expires at")).hasSize(1);
        });
    }

    @Test
    void shouldNotRemindOfAProposalAlreadyDecided() {
        Partnership p = partnership();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        UUID decided = UUID.randomUUID();
        String openedEvent = proposal("opened", p, decided, "Adopt the charter", now.plusHours(2), Map.of());
        String opened = sendEvent("projects.v1", openedEvent);
        String closed = sendEvent("projects.v1", proposal("decided", p, decided, "Adopt the charter", now.plusHours(2),
                Map.of("status", "REJECTED", "closedAt", now.toInstant().toString())));
        // the opening redelivered after the decision does not reopen it; a later event of the project marks the end
        Topics.send("projects.v1", p.project().toString(), openedEvent);
        String marker = sendEvent("projects.v1", proposal("opened", p, UUID.randomUUID(), "Later", now.plusDays(5), Map.of()));
        awaitProcessed(ProjectEventConsumer.CONSUMER, opened, closed, marker);

        run();

        assertThat(rows("select closed, reminded_at from proposal_replica where id = ?", decided))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("closed")).isEqualTo("t");
                    assertThat(row.get("reminded_at")).isNull();
                });
        for (String user : List.of(p.carla(), p.fiona(), p.marco())) {
            assertThat(reminders(user)).as(user).isEmpty();
        }
        as(p.marco()).queryParam("unread", "true").get(API).then().statusCode(200)
                .body("items.findAll { it.kind == 'PROPOSAL_EXPIRING' }", empty());
    }
}
