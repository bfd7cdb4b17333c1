package org.partnership.projects.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.testsupport.Tokens;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.projects.Fixtures.as;
import static org.partnership.projects.Fixtures.partner;
import static org.partnership.projects.Fixtures.post;

/** Invitations and participation over HTTP with real tokens, PostgreSQL and Kafka. */
@QuarkusTest
class ParticipantResourceTest {

    @Test
    void shouldNotLetAPartnerSuspendedAfterItsInvitationAcceptIt() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String path = PROJECTS + "/" + Fixtures.createProject(lead);
        post(coordinator, path + "/open", 200);
        UUID charity = partner("THIRD_SECTOR");
        UUID company = partner("MARKET");
        invite(coordinator, path, charity);
        invite(coordinator, path, company);

        // an administrator suspends both in partners-service; the events reach this service's replica through Kafka
        Fixtures.publishPartner("suspended", charity, "Suspended Charity", "THIRD_SECTOR", "SUSPENDED", 2);
        Fixtures.publishPartner("suspended", company, "Suspended Company", "MARKET", "SUSPENDED", 2);

        as(Tokens.partnerRep(charity)).post(path + "/participants/" + charity + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:partner-not-active"))
                .body("detail", containsString("Suspended Charity"))
                .body("detail", containsString("SUSPENDED"));
        participantStatus(coordinator, path, charity, "INVITED");
        // declining stays possible: nobody is kept in a project
        post(Tokens.partnerRep(company), path + "/participants/" + company + "/decline", 200);
        participantStatus(coordinator, path, company, "DECLINED");

        Fixtures.publishPartner("reinstated", charity, "Reinstated Charity", "THIRD_SECTOR", "ACTIVE", 3);
        post(Tokens.partnerRep(charity), path + "/participants/" + charity + "/accept", 200);
        participantStatus(coordinator, path, charity, "ACCEPTED");
    }

    static void invite(String coordinator, String path, UUID partner) {
        as(coordinator).body(Map.of("partnerId", partner.toString(), "role", "CO_PRODUCER", "message", "Join us"))
                .post(path + "/participants").then().statusCode(201);
    }

    static void participantStatus(String token, String path, UUID partner, String status) {
        as(token).get(path).then().statusCode(200)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(partner), is(status));
    }
}
